/** A user of the platform as this service knows them: from `auth.user.registered`, never asked for. */
export interface DirectoryUser {
  userId: string;
  /** Lower-cased by the auth-service; members are added by it. */
  email: string;
  displayName: string;
  registeredAt: Date;
}
