package io.github.camelsmarthome.simulator.homeconnect;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The account's appliances: a washer, a dryer, a dishwasher, an oven and a coffee maker, with the
 * ids, brands, types, vib and enumber of the Home Assistant fixtures. Appliances can be removed
 * from the account and added back (DEPAIRED / PAIRED).
 */
public final class SimulatedHousehold {

    /** The washer, SIEMENS {@code HCS03WCH1}. */
    public static final String WASHER = "SIEMENS-HCS03WCH1-7BC6383CF794";
    /** The dryer, BOSCH {@code HCS04DYR1}. */
    public static final String DRYER = "BOSCH-HCS04DYR1-831694AE3C5A";
    /** The dishwasher, SIEMENS {@code HCS02DWH1}. */
    public static final String DISHWASHER = "SIEMENS-HCS02DWH1-6BE58C26DCC1";
    /** The oven, BOSCH {@code HCS01OVN1}. */
    public static final String OVEN = "BOSCH-HCS01OVN1-43E0065FE245";
    /** The coffee maker, BOSCH {@code HCS06COM1}. */
    public static final String COFFEE_MAKER = "BOSCH-HCS06COM1-D70390681C2C";

    private final Map<String, SimulatedAppliance> appliances = new LinkedHashMap<>();
    private final ApplianceTiming timing;
    private final SimulationScheduler scheduler;
    private final List<StatusFeed> feeds = new CopyOnWriteArrayList<>();

    SimulatedHousehold(SimulationClock clock, ApplianceEventSink sink, SimulationScheduler scheduler, ApplianceTiming timing) {
        this.timing = timing;
        this.scheduler = scheduler;
        for (ApplianceProfile profile : HouseholdFixtures.load()) {
            appliances.put(profile.haId(), new SimulatedAppliance(profile, clock, sink, scheduler, timing));
        }
    }

    /** Every appliance, paired or not, in the API's listing order. */
    public List<SimulatedAppliance> appliances() {
        return List.copyOf(appliances.values());
    }

    /** An appliance by id; paired or not. */
    public SimulatedAppliance appliance(String haId) {
        SimulatedAppliance appliance = appliances.get(haId);
        if (appliance == null) {
            throw new IllegalArgumentException("The simulated household has no appliance " + haId + "; it has " + appliances.keySet());
        }
        return appliance;
    }

    /** The washer. */
    public SimulatedAppliance washer() {
        return appliance(WASHER);
    }

    /** The dryer. */
    public SimulatedAppliance dryer() {
        return appliance(DRYER);
    }

    /** The dishwasher. */
    public SimulatedAppliance dishwasher() {
        return appliance(DISHWASHER);
    }

    /** The oven. */
    public SimulatedAppliance oven() {
        return appliance(OVEN);
    }

    /** The coffee maker. */
    public SimulatedAppliance coffeeMaker() {
        return appliance(COFFEE_MAKER);
    }

    /** Adds an appliance back to the account; PAIRED goes out on the all-appliances stream. */
    public void pair(String haId) {
        appliance(haId).setPaired(true);
    }

    /** Removes an appliance from the account; DEPAIRED goes out, and the API answers 404 for it. */
    public void depair(String haId) {
        appliance(haId).setPaired(false);
    }

    /** Appliance time between progress NOTIFYs of running programs. */
    public void setProgressCadence(Duration cadence) {
        timing.setProgressCadence(cadence);
    }

    /** Appliance time a finished appliance stays {@code Finished}. */
    public void setFinishedHold(Duration hold) {
        timing.setFinishedHold(hold);
    }

    /**
     * Starts a {@link StatusFeed}: appliance {@code haId}'s status {@code key} set to 1, 2, 3 … at
     * {@code eventsPerSecond}, one STATUS event each, until the feed is stopped or the simulator closes.
     */
    public StatusFeed feedStatus(String haId, String key, int eventsPerSecond) {
        StatusFeed feed = new StatusFeed(appliance(haId), key, eventsPerSecond, scheduler);
        feeds.add(feed);
        return feed.start();
    }

    /** The appliance the API may talk about: known and paired; otherwise {@code null}. */
    SimulatedAppliance findPaired(String haId) {
        SimulatedAppliance appliance = appliances.get(haId);
        return appliance != null && appliance.isPaired() ? appliance : null;
    }

    ObjectNode listBody() {
        ObjectNode body = SimulatorJson.object();
        ArrayNode array = body.putArray("homeappliances");
        List<SimulatedAppliance> paired = new ArrayList<>();
        appliances.values().stream().filter(SimulatedAppliance::isPaired).forEach(paired::add);
        paired.forEach(appliance -> array.add(appliance.describe()));
        return body;
    }

    void shutdown() {
        feeds.forEach(StatusFeed::stop);
        appliances.values().forEach(SimulatedAppliance::shutdown);
    }
}
