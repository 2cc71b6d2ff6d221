/** Events as CloudEvents 1.0 records for Kafka. */
package io.github.camelsmarthome.kafka;
