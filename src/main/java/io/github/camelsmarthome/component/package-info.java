/** Camel-side pieces the components share: the consumer of a stream of device events. */
package io.github.camelsmarthome.component;
