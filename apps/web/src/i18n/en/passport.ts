const messages = {
  title: 'My passport',
  intro: 'All your badges in one place.',
};

export default messages;
