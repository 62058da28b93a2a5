/**
 * The workspace and its embedded database: {@link liaison.store.Workspace},
 * {@link liaison.store.Database} with versioned {@link liaison.store.SchemaModule}s.
 */
package liaison.store;
