package io.github.camelsmarthome.event;

import java.util.Optional;

/**
 * A component that can tell the complete list of its system's devices (Home Connect's appliance
 * list, SimpliSafe's polled systems, miio's configured sub-devices). Looked up among the
 * CamelContext's components, so a consumer of the list needs no component classes.
 */
public interface CompleteDeviceListSource {

    /**
     * The system's devices over every account or gateway this component serves, or empty while any
     * of them has not reported a complete list yet (not started, first read pending or failed): a
     * partial list must never be taken for a complete one.
     */
    Optional<CompleteDeviceList> completeDeviceList();
}
