/** The hidden CSRF token every state-changing form carries (checked by the accounts plugin). */
export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}
