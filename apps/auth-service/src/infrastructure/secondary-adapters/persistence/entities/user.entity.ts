import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A row of `users`; mapped to and from the domain's User by the repository. */
@Entity({ name: 'users' })
export class UserEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  email!: string;

  @Column('text', { name: 'display_name' })
  displayName!: string;

  @Column('text', { name: 'password_hash' })
  passwordHash!: string;

  @Column('text', { array: true })
  roles!: string[];

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'password_changed_at' })
  passwordChangedAt!: Date;

  @Column('timestamptz', { name: 'tokens_valid_after', nullable: true })
  tokensValidAfter!: Date | null;
}
