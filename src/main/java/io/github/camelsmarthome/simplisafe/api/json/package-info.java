/**
 * Lenient reading of SimpliSafe JSON, where any field may be missing or of an unexpected type.
 */
package io.github.camelsmarthome.simplisafe.api.json;
