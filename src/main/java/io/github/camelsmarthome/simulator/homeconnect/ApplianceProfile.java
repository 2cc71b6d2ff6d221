package io.github.camelsmarthome.simulator.homeconnect;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * Everything fixed about one simulated appliance: identity, initial status and settings,
 * constraints, programs and commands. Built by {@link HouseholdFixtures}; never changes.
 */
record ApplianceProfile(
        ObjectNode identity,
        String haId,
        String type,
        List<ObjectNode> initialStatus,
        List<ObjectNode> initialSettings,
        Map<String, ObjectNode> settingConstraints,
        ArrayNode programListing,
        ArrayNode availableListing,
        Map<String, ProgramDefinition> programs,
        ArrayNode commands,
        DoorBehaviour door,
        List<ObjectNode> activeProgramExtras,
        List<String> finishEvents,
        String preheatEvent,
        boolean changeActiveOptions) {
}
