/**
 * Extension point for the drill mode: {@link liaison.api.drill.ScenarioProvider}s offer exercise
 * scenarios (a simulated Internet, attack logs, a ground truth and simulated recipients) as packs in
 * the layout {@code docs/scenarios.md} describes.
 */
package liaison.api.drill;
