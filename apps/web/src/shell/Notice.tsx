/** A success message, announced politely by screen readers. */
export function Notice({ text }: { text: string | null }) {
  return (
    <p className="notice" role="status" hidden={!text}>
      {text}
    </p>
  );
}
