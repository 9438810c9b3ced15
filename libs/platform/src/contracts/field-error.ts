/** One rule broken by one field; `field` is a dotted path such as `addresses.0.city`. */
export interface FieldError {
  readonly field: string;
  readonly message: string;
}
