/**
 * Mappers from SimpliSafe REST bodies (already parsed to Jackson trees by the HTTP client, brief 2)
 * to the model of {@code simplisafe.api.model} and to history events. They never throw on
 * unexpected shapes: missing fields read as absent, unknown fields stay in each record's raw object.
 */
package io.github.camelsmarthome.simplisafe.api.rest;
