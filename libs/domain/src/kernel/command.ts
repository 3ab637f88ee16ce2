/** A command as a decider sees it: a PascalCase intent and its data (ids and time included). */
export interface DomainCommand<Type extends string = string, Data = unknown> {
  readonly type: Type;
  readonly data: Data;
}
