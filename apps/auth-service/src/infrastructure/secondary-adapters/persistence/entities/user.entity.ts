import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A row of `users`; mapped to and from the domain's User by the repository. */
@Entity({ name: 'users' })
export class UserEntity {
  @PrimaryColumn('uuid')
  id!: string;

  // NULL once the user is erased (with erasedAt set); the repository never restores such a row.
  @Column('text', { nullable: true })
  email!: string | null;

  @Column('text', { name: 'display_name', nullable: true })
  displayName!: string | null;

  @Column('text', { name: 'password_hash', nullable: true })
  passwordHash!: string | null;

  @Column('text', { array: true })
  roles!: string[];

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'password_changed_at' })
  passwordChangedAt!: Date;

  @Column('timestamptz', { name: 'tokens_valid_after', nullable: true })
  tokensValidAfter!: Date | null;

  @Column('timestamptz', { name: 'erased_at', nullable: true })
  erasedAt!: Date | null;
}
