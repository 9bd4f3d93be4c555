const messages = {
  title: 'Verify a badge',
  intro: 'Drop a badge image, paste its link, or paste its JSON. Nothing is stored.',
};

export default messages;
