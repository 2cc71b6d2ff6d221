/**
 * The SimpliSafe data model: systems, their state, sensors, locks, cameras and settings (brief 4),
 * and the enumerations of brief 5. Value types keep codes this version does not know instead of
 * failing, and records keep the upstream object they came from.
 */
package io.github.camelsmarthome.simplisafe.api.model;
