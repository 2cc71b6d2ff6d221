package io.github.camelsmarthome.homeassistant.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A device's entities derived from its facts count as current until any fact really changes (issue #8). */
class KnownDeviceFactsTest {

    private final KnownDevice device = new KnownDevice("homeconnect", "SIEMENS-WM14T6H9NL-AB1234567890",
            HaDevice.of("homeconnect_SIEMENS-WM14T6H9NL-AB1234567890", "Siemens WM14T6H9NL"));

    @BeforeEach
    void entitiesDerivedFromOneProgram() {
        device.fact("programs").add("Cotton");
        device.entities(List.of());
    }

    @Test
    void entitiesNeverDerivedDoNotReflectTheFacts() {
        KnownDevice fresh = new KnownDevice("homeconnect", "other", HaDevice.of("homeconnect_other", "Other"));

        assertThat(fresh.entitiesReflectFacts()).isFalse();
    }

    @Test
    void entitiesJustDerivedReflectTheFacts() {
        assertThat(device.entitiesReflectFacts()).isTrue();
    }

    @Test
    void addingAKnownValueOrReadingAnUnknownFactChangesNothing() {
        device.fact("programs").add("Cotton");
        device.fact("compartment_doors").contains("Freezer");

        assertThat(device.entitiesReflectFacts()).isTrue();
    }

    @Test
    void aNewValueMakesTheEntitiesStale() {
        device.fact("programs").add("Eco4060");

        assertThat(device.entitiesReflectFacts()).isFalse();
    }

    @Test
    void clearingAFactMakesTheEntitiesStale() {
        device.fact("programs").clear();

        assertThat(device.entitiesReflectFacts()).isFalse();
    }

    @Test
    void removingThroughTheIteratorMakesTheEntitiesStale() {
        Iterator<String> programs = device.fact("programs").iterator();
        programs.next();
        programs.remove();

        assertThat(device.fact("programs")).isEmpty();
        assertThat(device.entitiesReflectFacts()).isFalse();
    }

    @Test
    void removingAValueThatIsNotThereChangesNothing() {
        device.fact("programs").removeAll(Set.of("Eco4060"));

        assertThat(device.entitiesReflectFacts()).isTrue();
    }

    @Test
    void aFactKeepsItsInsertionOrder() {
        device.fact("programs").addAll(List.of("Eco4060", "Delicates", "Allergy"));

        assertThat(device.fact("programs")).containsExactly("Cotton", "Eco4060", "Delicates", "Allergy");
    }
}
