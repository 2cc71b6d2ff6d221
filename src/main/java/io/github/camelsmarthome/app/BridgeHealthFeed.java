package io.github.camelsmarthome.app;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.camelsmarthome.homeassistant.discovery.HomeAssistantDiscovery;
import io.github.camelsmarthome.homeconnect.HomeConnectComponent;
import io.github.camelsmarthome.simplisafe.SimplisafeComponent;
import org.apache.camel.CamelContext;

/**
 * Feeds what only the components know into the bridge's health document before each periodic
 * publication (bean {@code bridgeHealthFeed}, routes/homeassistant.yaml): the Home Connect
 * requests left today (the smallest of the accounts') and the SimpliSafe connection mode.
 */
final class BridgeHealthFeed {

    private final CamelContext context;
    private final HomeAssistantDiscovery discovery;

    BridgeHealthFeed(CamelContext context, HomeAssistantDiscovery discovery) {
        this.context = context;
        this.discovery = discovery;
    }

    /** Updates the document; the caller publishes it. */
    public void update() {
        if (context.hasComponent("homeconnect") instanceof HomeConnectComponent homeConnect) {
            homeConnect.accountNames().stream()
                    .flatMap(account -> homeConnect.budget(account).stream())
                    .mapToInt(budget -> budget.dailyRemaining()).min()
                    .ifPresent(left -> discovery.updateBridgeHealth("homeconnect", "requests_remaining", IntNode.valueOf(left)));
        }
        if (context.hasComponent("simplisafe") instanceof SimplisafeComponent simpliSafe) {
            simpliSafe.accountNames().stream()
                    .flatMap(account -> simpliSafe.connectionMode(account).stream())
                    .findFirst()
                    .ifPresent(mode -> discovery.updateBridgeHealth("simplisafe", "connection_mode", TextNode.valueOf(mode.name())));
        }
    }
}
