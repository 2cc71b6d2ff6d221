/** The runner: command line, Camel Main set-up, demo, health checks of the brokers. */
package io.github.camelsmarthome.app;
