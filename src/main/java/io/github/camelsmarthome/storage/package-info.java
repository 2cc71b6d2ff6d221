/**
 * Files the bundle keeps in its {@code STATE_DIR}: token sets, request budgets, appliance state.
 * Written atomically and readable by the owner only, because they hold secrets or what a restart
 * must not lose.
 */
package io.github.camelsmarthome.storage;
