/**
 * Extension point for contact resolution: {@link liaison.api.resolve.ResolverStep}s contribute
 * candidates for a resource; the resolver ranks and explains them.
 */
package liaison.api.resolve;
