package io.github.camelsmarthome.simulator.homeconnect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Program runs as the event stream shows them (brief sections 8.3 and 9), with appliance time sped up. */
class ProgramRunStreamTest extends SimulatorTestSupport {

    private static final String RUN = "STATUS BSH.Common.Status.OperationState=BSH.Common.EnumType.OperationState.Run";
    private static final String READY = "STATUS BSH.Common.Status.OperationState=BSH.Common.EnumType.OperationState.Ready";

    @Override
    protected SimulatorOptions options() {
        return SimulatorOptions.forTests().timeScale(36_000).progressCadence(Duration.ofMinutes(10))
                .finishedHold(Duration.ofMinutes(5)).build();
    }

    @Test
    void aRemoteStartRunsToFinishedAndBackToReady() {
        try (SseTestStream stream = SseTestStream.open(cloud, "/api/homeappliances/events", token)) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.response().headers().firstValue("Content-Type")).get().asString().startsWith("text/event-stream");
            Instant started = Instant.now();
            assertThat(http.put("/api/homeappliances/" + SimulatedHousehold.WASHER + "/programs/active", token,
                    "{\"data\":{\"key\":\"LaundryCare.Washer.Program.Cotton\"}}").statusCode()).isEqualTo(204);

            stream.awaitEvent(Duration.ofSeconds(5), event -> "EVENT".equals(event.event())
                    && event.data().contains("ProgramFinished") && event.data().contains("EventPresentState.Off"));
            assertThat(Duration.between(started, Instant.now())).isLessThan(Duration.ofSeconds(3));

            List<String> summaries = StreamSummaries.of(stream.events(), SimulatedHousehold.WASHER);
            assertThat(summaries).containsSubsequence(
                    "NOTIFY BSH.Common.Root.ActiveProgram=LaundryCare.Washer.Program.Cotton",
                    "NOTIFY BSH.Common.Root.SelectedProgram=LaundryCare.Washer.Program.Cotton",
                    "NOTIFY LaundryCare.Washer.Option.Temperature=LaundryCare.Washer.EnumType.Temperature.GC40",
                    RUN,
                    "STATUS BSH.Common.Status.DoorState=BSH.Common.EnumType.DoorState.Locked",
                    "NOTIFY BSH.Common.Option.RemainingProgramTime=7200",
                    "NOTIFY BSH.Common.Option.ProgramProgress=0",
                    "NOTIFY BSH.Common.Option.RemainingProgramTime=6600",
                    "NOTIFY BSH.Common.Option.ProgramProgress=8",
                    "NOTIFY BSH.Common.Option.RemainingProgramTime=0",
                    "NOTIFY BSH.Common.Option.ProgramProgress=100",
                    "STATUS BSH.Common.Status.OperationState=BSH.Common.EnumType.OperationState.Finished",
                    "STATUS BSH.Common.Status.DoorState=BSH.Common.EnumType.DoorState.Closed",
                    "EVENT BSH.Common.Event.ProgramFinished=BSH.Common.EnumType.EventPresentState.Present",
                    READY,
                    "NOTIFY BSH.Common.Root.ActiveProgram=null",
                    "EVENT BSH.Common.Event.ProgramFinished=BSH.Common.EnumType.EventPresentState.Off");
            assertThat(remainingTimes(summaries)).isSortedAccordingTo((a, b) -> Long.compare(b, a)).hasSize(13);
        }
    }

    @Test
    void itemsCarryUrisTimestampsAndTheApplianceId() {
        try (SseTestStream stream = SseTestStream.open(cloud, "/api/homeappliances/events", token)) {
            cloud.household().washer().startProgram("LaundryCare.Washer.Program.Wool");
            SseTestStream.Event status = stream.awaitEvent(Duration.ofSeconds(5), event -> "STATUS".equals(event.event()));
            assertThat(status.id()).isEqualTo(SimulatedHousehold.WASHER);
            JsonNode data = StreamSummaries.parse(status.data());
            assertThat(data.path("haId").asText()).isEqualTo(SimulatedHousehold.WASHER);
            JsonNode item = data.path("items").get(0);
            assertThat(item.path("uri").asText()).isEqualTo("/api/homeappliances/" + SimulatedHousehold.WASHER
                    + "/status/BSH.Common.Status.OperationState");
            assertThat(item.path("handling").asText()).isEqualTo("none");
            assertThat(item.path("level").asText()).isEqualTo("hint");
            assertThat(item.path("timestamp").asLong()).isBetween(Instant.now().getEpochSecond() - 5, Instant.now().getEpochSecond() + 1);
            // Production field order of STATUS items: handling, key, level, timestamp, uri, value.
            assertThat(status.data()).matches("\\{\"haId\":\"[^\"]+\",\"items\":\\[\\{\"handling\".*");

            SseTestStream.Event progress = stream.awaitEvent(Duration.ofSeconds(5), event -> "NOTIFY".equals(event.event())
                    && event.data().contains("RemainingProgramTime"));
            JsonNode remaining = StreamSummaries.parse(progress.data()).path("items").get(0);
            assertThat(remaining.path("unit").asText()).isEqualTo("seconds");
            assertThat(remaining.path("uri").asText()).endsWith("/programs/active/options/BSH.Common.Option.RemainingProgramTime");

            SseTestStream.Event finished = stream.awaitEvent(Duration.ofSeconds(5), event -> "EVENT".equals(event.event()));
            assertThat(finished.data()).startsWith("{\"items\":[{\"timestamp\"").endsWith(",\"haId\":\"" + SimulatedHousehold.WASHER + "\"}");
            assertThat(StreamSummaries.parse(finished.data()).path("items").get(0).has("uri")).isFalse();
        }
    }

    @Test
    void aDelayedStartCountsDownBeforeItRuns() {
        try (SseTestStream stream = SseTestStream.open(cloud, "/api/homeappliances/events", token)) {
            assertThat(http.put("/api/homeappliances/" + SimulatedHousehold.DISHWASHER + "/programs/active", token,
                    "{\"data\":{\"key\":\"Dishcare.Dishwasher.Program.Quick45\",\"options\":"
                            + "[{\"key\":\"BSH.Common.Option.StartInRelative\",\"value\":1800,\"unit\":\"seconds\"}]}}").statusCode())
                    .isEqualTo(204);
            stream.awaitEvent(Duration.ofSeconds(5), event -> event.data() != null && event.data().contains("OperationState.Finished"));
            assertThat(StreamSummaries.of(stream.events(), SimulatedHousehold.DISHWASHER)).containsSubsequence(
                    "STATUS BSH.Common.Status.OperationState=BSH.Common.EnumType.OperationState.DelayedStart",
                    "NOTIFY BSH.Common.Option.StartInRelative=1200",
                    "NOTIFY BSH.Common.Option.StartInRelative=600",
                    RUN,
                    "NOTIFY BSH.Common.Option.RemainingProgramTime=1740");
        }
    }

    @Test
    void openingTheDoorPausesAndClosingItResumes() {
        cloud.household().setProgressCadence(Duration.ofSeconds(1));
        cloud.clock().setTimeScale(1);
        try (SseTestStream stream = SseTestStream.open(cloud, "/api/homeappliances/events", token)) {
            SimulatedAppliance dishwasher = cloud.household().dishwasher();
            dishwasher.startProgram("Dishcare.Dishwasher.Program.Eco50");
            dishwasher.openDoor();
            dishwasher.closeDoor();
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                    assertThat(StreamSummaries.of(stream.events(), SimulatedHousehold.DISHWASHER)).containsSubsequence(
                    RUN,
                    "STATUS BSH.Common.Status.DoorState=BSH.Common.EnumType.DoorState.Open",
                    "STATUS BSH.Common.Status.OperationState=BSH.Common.EnumType.OperationState.Pause",
                    "STATUS BSH.Common.Status.DoorState=BSH.Common.EnumType.DoorState.Closed",
                    RUN));
            dishwasher.stopProgram();
        }
    }

    @Test
    void aStopAbortsAndReturnsToReady() {
        cloud.clock().setTimeScale(600);
        try (SseTestStream stream = SseTestStream.open(cloud, "/api/homeappliances/events", token)) {
            String dryer = "/api/homeappliances/" + SimulatedHousehold.DRYER + "/programs/active";
            assertThat(http.put(dryer, token, "{\"data\":{\"key\":\"LaundryCare.Dryer.Program.Cotton\"}}").statusCode()).isEqualTo(204);
            assertThat(http.delete(dryer, token).statusCode()).isEqualTo(204);
            stream.awaitEvent(Duration.ofSeconds(5), event -> event.data() != null && event.data().contains("\"value\":null"));
            assertThat(StreamSummaries.of(stream.events(), SimulatedHousehold.DRYER)).containsSubsequence(
                    RUN,
                    "STATUS BSH.Common.Status.OperationState=BSH.Common.EnumType.OperationState.Aborting",
                    "EVENT BSH.Common.Event.ProgramAborted=BSH.Common.EnumType.EventPresentState.Present",
                    READY,
                    "NOTIFY BSH.Common.Root.ActiveProgram=null");
        }
    }

    @Test
    void restWritesAndAppliancePanelsAnnounceTheirChanges() {
        try (SseTestStream stream = SseTestStream.open(cloud, "/api/homeappliances/events", token)) {
            assertThat(http.put("/api/homeappliances/" + SimulatedHousehold.COFFEE_MAKER + "/settings/BSH.Common.Setting.PowerState", token,
                    "{\"data\":{\"key\":\"BSH.Common.Setting.PowerState\",\"value\":\"BSH.Common.EnumType.PowerState.Standby\"}}")
                    .statusCode()).isEqualTo(204);
            assertThat(http.put("/api/homeappliances/" + SimulatedHousehold.WASHER + "/programs/selected", token,
                    "{\"data\":{\"key\":\"LaundryCare.Washer.Program.Mix\"}}").statusCode()).isEqualTo(204);
            cloud.household().coffeeMaker().raiseEvent("ConsumerProducts.CoffeeMaker.Event.WaterTankEmpty", "alert", "acknowledge");
            stream.awaitEvent(Duration.ofSeconds(5), event -> event.data() != null && event.data().contains("WaterTankEmpty"));

            SseTestStream.Event setting = stream.awaitEvent(Duration.ofSeconds(1), event -> event.data().contains("PowerState"));
            assertThat(setting.event()).isEqualTo("NOTIFY");
            assertThat(setting.data()).contains("/settings/BSH.Common.Setting.PowerState");
            assertThat(StreamSummaries.of(stream.events(), SimulatedHousehold.COFFEE_MAKER)).containsSubsequence(
                    "NOTIFY BSH.Common.Setting.PowerState=BSH.Common.EnumType.PowerState.Standby",
                    "STATUS BSH.Common.Status.OperationState=BSH.Common.EnumType.OperationState.Inactive",
                    "EVENT ConsumerProducts.CoffeeMaker.Event.WaterTankEmpty=BSH.Common.EnumType.EventPresentState.Present");
            // Selecting a program announces a remaining time under selected/options (brief pitfall 10.11).
            assertThat(StreamSummaries.of(stream.events(), SimulatedHousehold.WASHER)).contains(
                    "NOTIFY BSH.Common.Root.SelectedProgram=LaundryCare.Washer.Program.Mix",
                    "NOTIFY BSH.Common.Option.RemainingProgramTime=3600");
        }
    }

    private static List<Long> remainingTimes(List<String> summaries) {
        List<Long> times = new ArrayList<>();
        for (String summary : summaries) {
            if (summary.startsWith("NOTIFY BSH.Common.Option.RemainingProgramTime=")) {
                times.add(Long.parseLong(summary.substring(summary.indexOf('=') + 1)));
            }
        }
        return times;
    }
}
