/** Topic of the user family: registration and credential changes of auth-service users. */
export const AUTH_USER_TOPIC_V1 = 'auth.user.v1';
