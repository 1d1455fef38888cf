import type { ComponentChildren } from 'preact';

/** A field for a password someone else will use: never filled in, long enough, written left to right. */
export function NewPasswordField(props: {
  id: string;
  label: string;
  minLength: number;
  children?: ComponentChildren;
}) {
  const hint = props.children ? `${props.id}-hint` : undefined;
  return (
    <div class="nr-field">
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        name="password"
        type="password"
        dir="ltr"
        required
        autocomplete="new-password"
        minLength={props.minLength}
        aria-describedby={hint}
      />
      {props.children && (
        <span id={hint} class="nr-hint">
          {props.children}
        </span>
      )}
    </div>
  );
}
