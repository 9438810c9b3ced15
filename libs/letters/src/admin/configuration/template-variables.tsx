/** What a letter type's templates may print, as help beside the editor. */
export function TemplateVariables({ variables }: { readonly variables: readonly string[] }) {
  return (
    <div className="letters-variables">
      <p>
        The wording is a Liquid template. It may use{' '}
        {variables.map((name, index) => (
          <span key={name}>
            {index > 0 ? ', ' : ''}
            <code>{name}</code>
          </span>
        ))}
        .
      </p>
      <p className="muted">
        <code>user</code> and <code>institution</code> hold the recipient’s and the institution’s details, such as{' '}
        <code>{'{{ user.fullName }}'}</code> and <code>{'{{ institution.name }}'}</code>.
      </p>
    </div>
  );
}
