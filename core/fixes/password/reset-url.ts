/** Microsoft Entra's self-service password page: what the password fix opens when policy names no page of its own. */
export const entraResetUrl = 'https://passwordreset.microsoftonline.com';

/** The page the password fix opens: the policy's, else Entra's. The app allowlists exactly this one. */
export function passwordResetPage(policyUrl: string | undefined): string {
  return policyUrl ?? entraResetUrl;
}
