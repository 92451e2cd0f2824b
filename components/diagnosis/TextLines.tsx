import { Fragment } from 'preact';

const BREAK = /<br\s*\/?>/i;

/**
 * FMC alert details arrive with `<br>` between lines. They are split into text lines here and never parsed as
 * markup: anything else that looks like a tag stays visible as typed.
 */
export function TextLines({ text }: { text: string }) {
  const lines = text.split(BREAK);
  return (
    <>
      {lines.map((line, i) => (
        <Fragment key={i}>
          {i > 0 && <br />}
          {line}
        </Fragment>
      ))}
    </>
  );
}
