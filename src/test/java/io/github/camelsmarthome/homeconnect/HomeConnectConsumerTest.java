package io.github.camelsmarthome.homeconnect;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import io.github.camelsmarthome.homeconnect.api.HomeConnectAuthorization;
import io.github.camelsmarthome.homeconnect.api.event.EventOrigin;
import io.github.camelsmarthome.homeconnect.api.event.HomeConnectEvent;
import io.github.camelsmarthome.homeconnect.api.event.HomeConnectEventItem;
import io.github.camelsmarthome.simulator.homeconnect.ApplianceEvent;
import io.github.camelsmarthome.simulator.homeconnect.EventItem;
import io.github.camelsmarthome.simulator.homeconnect.EventType;
import io.github.camelsmarthome.simulator.homeconnect.PublishedEvent;
import io.github.camelsmarthome.simulator.homeconnect.RequestKind;
import io.github.camelsmarthome.simulator.homeconnect.SimulatedHousehold;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.health.HealthCheck;
import org.junit.jupiter.api.Test;

import static io.github.camelsmarthome.homeconnect.HomeConnectConstants.ACCOUNT;
import static io.github.camelsmarthome.homeconnect.HomeConnectConstants.EVENT_ID;
import static io.github.camelsmarthome.homeconnect.HomeConnectConstants.EVENT_TYPE;
import static io.github.camelsmarthome.homeconnect.HomeConnectConstants.HA_ID;
import static io.github.camelsmarthome.homeconnect.HomeConnectConstants.KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code from("homeconnect:events")} against the fake cloud: what a route receives, how the
 * filters narrow it, that routes of one account share one stream, what a drop looks like, the
 * health check, and what a restart costs.
 */
class HomeConnectConsumerTest extends HomeConnectComponentTestSupport {

    private static final String WASHER = SimulatedHousehold.WASHER;
    private static final String OVEN = SimulatedHousehold.OVEN;
    private static final String RUN = "BSH.Common.EnumType.OperationState.Run";
    private static final String DOOR_OPEN = "BSH.Common.EnumType.DoorState.Open";
    private static final String DOOR_CLOSED = "BSH.Common.EnumType.DoorState.Closed";

    private static RouteBuilder eventsTo(String mock, String options) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("homeconnect:events" + options).routeId(mock).to("mock:" + mock);
            }
        };
    }

    private String account() {
        return HomeConnectAuthorization.accountName(cloud.clientId());
    }

    @Test
    void theEventsOfAProgramRunArriveWithApplianceTypeIdAndAccountHeaders() throws Exception {
        startCamel(eventsTo("events", ""));
        awaitStreamOpen();

        cloud.household().washer().startProgram("LaundryCare.Washer.Program.Cotton");

        Exchange running = awaitExchange(mock("events"), exchange -> pushedWithValue(exchange, RUN));
        HomeConnectEvent event = running.getMessage().getBody(HomeConnectEvent.class);
        assertThat(running.getMessage().getHeader(HA_ID)).isEqualTo(WASHER).isEqualTo(event.deviceId());
        assertThat(running.getMessage().getHeader(EVENT_TYPE)).isEqualTo("STATUS").isEqualTo(event.type());
        assertThat(running.getMessage().getHeader(EVENT_ID, String.class)).isEqualTo(event.id()).matches("[0-9a-f]{32}");
        assertThat(running.getMessage().getHeader(ACCOUNT)).isEqualTo(account());
        assertThat(event.items()).extracting(HomeConnectEventItem::key).contains("BSH.Common.Status.OperationState");
        // The program's other events (active program, options) come from the same appliance.
        Exchange notify = awaitExchange(mock("events"), exchange -> "NOTIFY".equals(exchange.getMessage().getHeader(EVENT_TYPE))
                && WASHER.equals(exchange.getMessage().getHeader(HA_ID)));
        assertThat(notify.getMessage().getBody(HomeConnectEvent.class).items()).extracting(HomeConnectEventItem::key)
                .contains("BSH.Common.Root.ActiveProgram");
    }

    @Test
    void anHaIdFilterLetsOnlyThatAppliancesEventsThrough() throws Exception {
        startCamel(eventsTo("oven", "?haId=" + OVEN));
        awaitStreamOpen();

        cloud.household().washer().openDoor();
        cloud.household().oven().openDoor();

        // The stream delivers in order: when the oven's door event is in, the washer's has been offered already.
        awaitExchange(mock("oven"), exchange -> pushedWithValue(exchange, DOOR_OPEN));
        assertThat(mock("oven").getReceivedExchanges()).extracting(exchange -> exchange.getMessage().getHeader(HA_ID))
                .isNotEmpty().containsOnly(OVEN);
    }

    @Test
    void anEventTypesFilterLetsOnlyTheNamedTypesThroughWhateverTheirCase() throws Exception {
        startCamel(eventsTo("types", "?eventTypes=event, Disconnected"));
        awaitStreamOpen();

        cloud.household().washer().openDoor();
        cloud.household().coffeeMaker().raiseEvent("ConsumerProducts.CoffeeMaker.Event.WaterTankEmpty");
        cloud.household().washer().closeDoor();
        cloud.household().oven().disconnect();

        awaitExchange(mock("types"), exchange -> "DISCONNECTED".equals(exchange.getMessage().getHeader(EVENT_TYPE)));
        assertThat(mock("types").getReceivedExchanges()).extracting(exchange -> exchange.getMessage().getHeader(EVENT_TYPE))
                .containsOnly("EVENT", "DISCONNECTED").contains("EVENT");
    }

    @Test
    void splitItemsGivesOneExchangePerItemWithTheItemsKey() throws Exception {
        startCamel(eventsTo("items", "?splitItems=true&haId=" + WASHER));
        awaitStreamOpen();

        cloud.household().washer().startProgram("LaundryCare.Washer.Program.Cotton");

        ApplianceEvent published = await().atMost(TIMEOUT).until(() -> cloud.events().publishedEvents().stream()
                .map(PublishedEvent::event)
                .filter(e -> e.haId().equals(WASHER) && e.type() == EventType.NOTIFY && e.items().size() > 1)
                .findFirst(), Optional::isPresent).orElseThrow();
        Set<String> ids = new HashSet<>();
        for (EventItem item : published.items()) {
            Exchange one = awaitExchange(mock("items"), exchange -> item.key().equals(exchange.getMessage().getHeader(KEY))
                    && exchange.getMessage().getBody(HomeConnectEvent.class).origin().equals(EventOrigin.STREAM));
            HomeConnectEvent event = one.getMessage().getBody(HomeConnectEvent.class);
            assertThat(event.items()).singleElement().satisfies(only -> {
                assertThat(only.key()).isEqualTo(item.key());
                assertThat(only.value().toString()).isEqualTo(item.value().toString());
            });
            assertThat(one.getMessage().getHeader(EVENT_ID)).isEqualTo(event.id());
            ids.add(event.id());
        }
        // Each item has the id it would have alone, so the items of one event have different ids.
        assertThat(ids).hasSameSizeAs(published.items());
        assertThat(events(mock("items"))).allSatisfy(event -> assertThat(event.items()).hasSizeLessThanOrEqualTo(1));
    }

    @Test
    void twoRoutesOfTheSameClientIdShareOneStreamAndBothGetTheEvents() throws Exception {
        startCamel(new RouteBuilder() {
            @Override
            public void configure() {
                from("homeconnect:events").routeId("all").to("mock:all");
                from("homeconnect:events?haId=" + WASHER).routeId("washer").to("mock:washer");
            }
        });
        awaitStreamOpen();

        cloud.household().washer().openDoor();

        awaitExchange(mock("all"), exchange -> pushedWithValue(exchange, DOOR_OPEN));
        awaitExchange(mock("washer"), exchange -> pushedWithValue(exchange, DOOR_OPEN));
        assertThat(cloud.events().openStreamCount()).isEqualTo(1);
        assertThat(cloud.requests().ofKind(RequestKind.EVENT_STREAM)).hasSize(1);
    }

    @Test
    void anHaIdFilterStillLetsTheAccountsGapMarkersThrough() throws Exception {
        startCamel(eventsTo("oven", "?haId=" + OVEN));
        awaitStreamOpen();

        cloud.faults().dropStreamsOnNextEvent();
        cloud.household().washer().openDoor();

        Exchange marker = awaitExchange(mock("oven"),
                exchange -> "stream_reconnected".equals(exchange.getMessage().getHeader(EVENT_TYPE)));
        assertThat(marker.getMessage().getHeader(HA_ID)).isEqualTo(account());
        assertThat(mock("oven").getReceivedExchanges()).extracting(exchange -> exchange.getMessage().getHeader(HA_ID))
                .containsOnly(OVEN, account());
    }

    @Test
    void aDroppedStreamSendsAStreamReconnectedEventBeforeTheEventsThatFollow() throws Exception {
        startCamel(eventsTo("events", ""));
        awaitStreamOpen();

        cloud.faults().dropStreamsOnNextEvent();
        cloud.household().washer().openDoor();

        Exchange marker = awaitExchange(mock("events"),
                exchange -> "stream_reconnected".equals(exchange.getMessage().getHeader(EVENT_TYPE)));
        HomeConnectEvent gap = marker.getMessage().getBody(HomeConnectEvent.class);
        assertThat(gap.origin()).isEqualTo(EventOrigin.BRIDGE);
        assertThat(gap.items()).extracting(HomeConnectEventItem::key).contains("disconnectedAt", "reconnectedAt", "reason");
        assertThat(marker.getMessage().getHeader(HA_ID)).isEqualTo(account());
        assertThat(marker.getMessage().getHeader(ACCOUNT)).isEqualTo(account());
        assertThat(marker.getMessage().getHeader(EVENT_ID)).isEqualTo(gap.id());

        cloud.household().washer().closeDoor();
        Exchange closed = awaitExchange(mock("events"), exchange -> pushedWithValue(exchange, DOOR_CLOSED));
        List<Exchange> received = mock("events").getReceivedExchanges();
        assertThat(received.indexOf(marker)).isLessThan(received.indexOf(closed));
    }

    @Test
    void theHealthCheckIsUpWhileConnectedAndDownWithTheReasonWhileTheStreamIsDown() throws Exception {
        // A reconnect delay long enough to look at the check while the stream is down.
        startCamel(configuration -> {
            configuration.setInitialReconnectDelay(2_000);
            configuration.setMaxReconnectDelay(2_000);
        }, eventsTo("events", ""));
        awaitStreamOpen();
        await().atMost(TIMEOUT).until(() -> consumerHealth("events").map(HealthCheck.Result::getState),
                state -> state.equals(Optional.of(HealthCheck.State.UP)));

        cloud.faults().dropStreams();

        HealthCheck.Result down = await().atMost(TIMEOUT).until(() -> consumerHealth("events").orElseThrow(),
                result -> result.getState() == HealthCheck.State.DOWN);
        assertThat(down.getMessage()).hasValueSatisfying(message -> assertThat(message)
                .contains("Home Connect event stream").contains("BACKING_OFF").contains("reconnecting in"));
        // It reconnects by itself, and the check follows.
        await().atMost(TIMEOUT).until(() -> consumerHealth("events").orElseThrow().getState() == HealthCheck.State.UP);
    }

    @Test
    void restartingTheRouteWithSavedStateCostsNoRestRequestBeforeItsFirstEvent() throws Exception {
        AtomicInteger restBeforeFirstEvent = new AtomicInteger(-1);
        startCamel(new RouteBuilder() {
            @Override
            public void configure() {
                from("homeconnect:events").routeId("events")
                        .process(exchange -> restBeforeFirstEvent.compareAndSet(-1, restRequests().size()))
                        .to("mock:events");
            }
        });
        awaitFirstSeedingOfEveryAppliance(mock("events"));
        context.getRouteController().stopRoute("events");
        cloud.requests().clear();
        mock("events").reset();
        restBeforeFirstEvent.set(-1);

        context.getRouteController().startRoute("events");
        await().atMost(TIMEOUT).until(() -> cloud.requests().ofKind(RequestKind.EVENT_STREAM).size() == 1
                && cloud.events().openStreamCount() == 1);
        cloud.household().washer().openDoor();

        awaitExchange(mock("events"), exchange -> pushedWithValue(exchange, DOOR_OPEN));
        assertThat(restBeforeFirstEvent.get()).isZero();
        assertThat(events(mock("events")).get(0).origin()).isEqualTo(EventOrigin.RESTORED);
        assertThat(restRequestLines()).isEmpty();
    }

    @Test
    void restartingTheBridgeWithSavedStateAndTokensCostsNoRequestButTheStream() throws Exception {
        startCamel(eventsTo("events", ""));
        awaitFirstSeedingOfEveryAppliance(mock("events"));
        context.stop();
        cloud.requests().clear();

        AtomicInteger requestsBeforeFirstEvent = new AtomicInteger(-1);
        restartCamel(new RouteBuilder() {
            @Override
            public void configure() {
                from("homeconnect:events").routeId("events")
                        .process(exchange -> requestsBeforeFirstEvent.compareAndSet(-1, restRequests().size()))
                        .to("mock:events");
            }
        });
        awaitStreamOpen();
        cloud.household().washer().openDoor();

        awaitExchange(mock("events"), exchange -> pushedWithValue(exchange, DOOR_OPEN));
        assertThat(requestsBeforeFirstEvent.get()).isZero();
        assertThat(events(mock("events")).get(0).origin()).isEqualTo(EventOrigin.RESTORED);
        // The saved tokens are still valid: no token request either, only the stream itself.
        assertThat(cloud.requests().all()).extracting(r -> r.kind()).containsOnly(RequestKind.EVENT_STREAM);
    }

    /** The first start of an account reads every appliance once; waits until each has been read and emitted. */
    private void awaitFirstSeedingOfEveryAppliance(MockEndpoint mock) {
        Set<String> appliances = cloud.household().appliances().stream().map(a -> a.haId()).collect(Collectors.toSet());
        await().atMost(TIMEOUT).until(() -> events(mock).stream().filter(e -> e.origin().equals(EventOrigin.RESYNC))
                .map(HomeConnectEvent::deviceId).collect(Collectors.toSet()).containsAll(appliances));
    }
}
