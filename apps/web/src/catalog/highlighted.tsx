/** A procedure name with the words the search matched marked (<mark>), as the API segments it. */
export function Highlighted({ segments }: { segments: readonly { text: string; isMatch: boolean }[] }) {
  return (
    <>
      {segments.map((segment, index) =>
        segment.isMatch ? <mark key={index}>{segment.text}</mark> : <span key={index}>{segment.text}</span>,
      )}
    </>
  );
}
