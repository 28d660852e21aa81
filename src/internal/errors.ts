/** The message of anything thrown: an `Error`'s message, else its text. */
export const errorMessage = (error: unknown): string => (error instanceof Error ? error.message : String(error));
