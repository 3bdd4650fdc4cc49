import { ValidationRegistry, type AstNode, type Cancellation, type ValidationAcceptor, type ValidationCheck } from 'langium';

const CONTEXT = 'An error occurred during validation';

/**
 * Langium's validation registry, except that a check that returns nothing costs nothing.
 * Langium wraps every check in two async functions, so each call made three promises,
 * which the validator holds until all checks have run: on a topology of 5,000 pools,
 * some 60 MB per keystroke that lived long enough to grow the heap. This topology's checks
 * all return at once; a throw is still reported as Langium reports it, and a check that
 * returns a promise is still awaited.
 */
export class SynchronousCheckRegistry extends ValidationRegistry {
    protected override wrapValidationException(check: ValidationCheck, thisObj: unknown): ValidationCheck {
        return (node: AstNode, accept: ValidationAcceptor, cancelToken: Cancellation.CancellationToken) => {
            try {
                const result = check.call(thisObj, node, accept, cancelToken);
                return result === undefined ? undefined : this.handleException(() => result, CONTEXT, accept, node);
            } catch (error) {
                return this.handleException(() => Promise.reject(error), CONTEXT, accept, node);
            }
        };
    }
}
