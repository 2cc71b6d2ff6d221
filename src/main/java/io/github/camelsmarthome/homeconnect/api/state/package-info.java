/**
 * The last known state of each Home Connect appliance of an account, kept up to date from every
 * event and saved in {@code STATE_DIR}, so that a restart costs no REST request (design section 7)
 * and a producer can check program-start preconditions (brief section 9) without asking the cloud.
 *
 * <p>Plain Java, Jackson and Vert.x core; no Camel imports.
 */
package io.github.camelsmarthome.homeconnect.api.state;
