/**
 * The built-in bot strategies, created by name through {@link org.entente.client.bots.Strategies}:
 * the reference threat-driven bot of RULES.md section 9 and the alternatives the theory tests
 * compare it with. Bots see only their seat's {@link org.entente.api.PlayerView}, are stateless and
 * deterministic given the view and the {@link org.entente.api.Dice}; the public estimates they
 * share live in {@link org.entente.client.bots.Estimates}.
 */
package org.entente.client.bots;
