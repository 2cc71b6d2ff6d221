package io.github.camelsmarthome.simulator.simplisafe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * The account's one SimpliSafe 3 system, seeded from the simplisafe-python fixtures
 * (subscription, sensors and locks, settings, event history), and the levers a test pulls on it.
 * Every change emits the event codes of brief section 7 into the history and onto the websocket.
 *
 * <p>Thread-safe: every change and every REST view holds this object's monitor for the moment it
 * needs; timers (exit and entry delays, lock motors) take it when they fire.
 */
public final class SimulatedSystem {

    private final SimulatedTime time;
    private final ObjectNode subscription;
    private final SensorBoard sensors;
    private final SystemSettings settings;
    private final AlarmPanel panel;
    private final EventPublisher publisher;
    private final EventHistory history;
    private final SimulatedLocks locks;
    private final SimulatedCameras cameras;
    private boolean remoteControlAllowed = true;

    SimulatedSystem(SimulatedTime time, SystemScheduler scheduler, EventHistory history, EventPublisher publisher,
            JsonNode subscription, SimpliSafeSimulatorOptions options, CameraMedia media, Supplier<String> mediaBaseUrl) {
        this.time = time;
        this.subscription = (ObjectNode) subscription.deepCopy();
        this.sensors = new SensorBoard(SimpliSafeJson.fixture("v3_sensors_response.json"));
        this.settings = new SystemSettings(SimpliSafeJson.fixture("v3_settings_response.json"));
        this.history = history;
        this.publisher = publisher;
        JsonNode system = systemNode();
        this.panel = new AlarmPanel(this, settings, scheduler, time, this::emit,
                AlarmState.valueOf(system.path("alarmState").asText("OFF")), system.path("alarmStateTimestamp").asLong());
        this.locks = new SimulatedLocks(this, sensors, scheduler, time, options.lockActuationTime());
        this.cameras = new SimulatedCameras(this, time, media, mediaBaseUrl);
    }

    /** The subscription (system) id, {@code sid}. */
    public long sid() {
        return subscription.path("sid").asLong();
    }

    /** The owner's user id, {@code uid}. */
    public long userId() {
        return subscription.path("uid").asLong();
    }

    /** The smart locks. */
    public SimulatedLocks locks() {
        return locks;
    }

    /** The cameras and their motion events. */
    public SimulatedCameras cameras() {
        return cameras;
    }

    /** The event history the events endpoint serves. */
    public EventHistory history() {
        return history;
    }

    // ---- state ----

    /** {@code alarmState} now. */
    public synchronized AlarmState alarmState() {
        return panel.state();
    }

    /** {@code isAlarming} now. */
    public synchronized boolean isAlarming() {
        return panel.isAlarming();
    }

    /** A copy of the device with this serial as the sensors endpoint shows it. */
    public synchronized ObjectNode sensor(String serial) {
        return sensors.require(serial).deepCopy();
    }

    // ---- arming ----

    /** Arms or disarms as the app does ({@code POST …/state/{mode}}); answers the exit delay in seconds. */
    public synchronized int arm(AlarmMode mode) {
        return panel.arm(mode, AlarmPanel.REMOTE);
    }

    /** Arms at the keypad: 9401 then 3401 (away) or 9441 then 3441 (home). */
    public synchronized int armByKeypad(AlarmMode mode) {
        if (mode == AlarmMode.OFF) {
            throw new IllegalArgumentException("Disarming at the keypad needs a PIN: use disarmByKeypad");
        }
        return panel.arm(mode, AlarmPanel.keypad(keypad(), ""));
    }

    /** Disarms at the keypad with a PIN ({@code "Master PIN"}, a user PIN's label): 1400. */
    public synchronized void disarmByKeypad(String pinName) {
        panel.arm(AlarmMode.OFF, AlarmPanel.keypad(keypad(), pinName));
    }

    /** Exit delay of a mode, without the REST range check (0 arms at once). */
    public synchronized void setExitDelay(AlarmMode mode, int seconds) {
        settings.put(mode == AlarmMode.AWAY ? "exitDelayAway" : "exitDelayHome", seconds);
    }

    /** Entry delay of a mode, without the REST range check (0 alarms at once). */
    public synchronized void setEntryDelay(AlarmMode mode, int seconds) {
        settings.put(mode == AlarmMode.AWAY ? "entryDelayAway" : "entryDelayHome", seconds);
    }

    // ---- sensors ----

    /** An entry sensor opens: {@code status.triggered}; when armed, the entry delay (1429) then alarm (1134). */
    public synchronized void openSensor(String serial) {
        ObjectNode sensor = sensors.require(serial);
        requireType(sensor, DeviceType.ENTRY);
        boolean wasOpen = SensorBoard.status(sensor).path("triggered").asBoolean(false);
        setStatus(sensor, "triggered", true);
        if (!wasOpen) {
            panel.intrusion(sensor);
        }
    }

    /** An entry sensor closes. */
    public synchronized void closeSensor(String serial) {
        ObjectNode sensor = sensors.require(serial);
        requireType(sensor, DeviceType.ENTRY);
        setStatus(sensor, "triggered", false);
    }

    /**
     * A sensor trips: motion and glass break (intrusion when armed), smoke (1110), carbon
     * monoxide (1162), water (1154), freeze (1159), panic button (1120), an entry sensor opens.
     */
    public synchronized void triggerSensor(String serial) {
        ObjectNode sensor = sensors.require(serial);
        int type = SensorBoard.typeOf(sensor);
        switch (type) {
            case DeviceType.ENTRY -> openSensor(serial);
            case DeviceType.MOTION, DeviceType.MOTION_V2, DeviceType.GLASS_BREAK -> {
                setStatus(sensor, "triggered", true);
                panel.intrusion(sensor);
            }
            case DeviceType.SMOKE -> hazard(sensor, "triggered", EventCode.FIRE_ALARM, true);
            case DeviceType.SMOKE_AND_CARBON_MONOXIDE -> hazard(sensor, "smokeTriggered", EventCode.FIRE_ALARM, true);
            case DeviceType.CARBON_MONOXIDE -> hazard(sensor, "triggered", EventCode.CARBON_MONOXIDE_ALARM, true);
            case DeviceType.LEAK -> hazard(sensor, "triggered", EventCode.WATER_ALARM, false);
            case DeviceType.TEMPERATURE -> hazard(sensor, "triggered", EventCode.FREEZE_ALARM, false);
            case DeviceType.PANIC_BUTTON -> panel.soundAlarm(SensorBoard.draftFor(EventCode.PANIC_ALARM, sensor));
            default -> throw new IllegalArgumentException("Device " + serial + " of type " + type + " cannot be triggered");
        }
    }

    /** A tripped sensor is quiet again ({@code triggered}, {@code smokeTriggered}, {@code coTriggered} false); no event. */
    public synchronized void clearSensor(String serial) {
        ObjectNode sensor = sensors.require(serial);
        ObjectNode status = SensorBoard.status(sensor);
        for (String field : new String[] {"triggered", "smokeTriggered", "coTriggered"}) {
            if (status.has(field) || field.equals("triggered")) {
                status.put(field, false);
            }
        }
        sensors.touch(time.epochSeconds());
    }

    /** {@code flags.lowBattery} (and a lock's {@code status.lockLowBattery}); brief section 7 has no code for it, so no event. */
    public synchronized void setLowBattery(String serial, boolean low) {
        ObjectNode sensor = sensors.require(serial);
        SensorBoard.flags(sensor).put("lowBattery", low);
        if (SensorBoard.typeOf(sensor) == DeviceType.LOCK) {
            SensorBoard.status(sensor).put("lockLowBattery", low);
        }
        sensors.touch(time.epochSeconds());
    }

    /** {@code flags.offline}; 1381 when a device stops answering, 3381 when it is back. */
    public synchronized void setOffline(String serial, boolean offline) {
        ObjectNode sensor = sensors.require(serial);
        boolean was = SensorBoard.flags(sensor).path("offline").asBoolean(false);
        SensorBoard.flags(sensor).put("offline", offline);
        sensors.touch(time.epochSeconds());
        if (was != offline) {
            emit(SensorBoard.draftFor(offline ? EventCode.SENSOR_NOT_RESPONDING : EventCode.SENSOR_RESTORED, sensor));
        }
    }

    /** A freeze sensor's {@code status.temperature} (°F); dropping below {@code setting.lowTemp} trips it (1159). */
    public synchronized void setTemperature(String serial, int fahrenheit) {
        ObjectNode sensor = sensors.require(serial);
        requireType(sensor, DeviceType.TEMPERATURE);
        setStatus(sensor, "temperature", fahrenheit);
        JsonNode low = sensor.path("setting").path("lowTemp");
        if (low.isNumber() && fahrenheit < low.asInt() && !SensorBoard.status(sensor).path("triggered").asBoolean(false)) {
            hazard(sensor, "triggered", EventCode.FREEZE_ALARM, false);
        }
    }

    // ---- base station and plan ----

    /** Mains power lost (1301, {@code powerOutage}) or back (3301). */
    public synchronized void setPowerOutage(boolean outage) {
        ObjectNode system = systemNode();
        if (system.path("powerOutage").asBoolean(false) == outage) {
            return;
        }
        system.put("powerOutage", outage);
        if (outage) {
            system.put("lastPowerOutage", time.epochSeconds());
        }
        emit(EventDraft.of(outage ? EventCode.POWER_OUTAGE : EventCode.POWER_RESTORED));
    }

    /** The base station's Wi-Fi lost (1350) or restored (3350, {@code lastSuccessfulWifiTS}). */
    public synchronized void setWifiLost(boolean lost) {
        if (!lost) {
            systemNode().put("lastSuccessfulWifiTS", time.epochSeconds());
        }
        emit(EventDraft.of(lost ? EventCode.CONNECTION_LOST : EventCode.CONNECTION_RESTORED));
    }

    /**
     * Whether the plan allows remote control. Off, the subscription looks like a Standard plan
     * ({@code sStatus} 10, no {@code remoteControl} features) and sensors, settings, arming and
     * locks answer 403 NoRemoteManagement (brief section 11, P5).
     */
    public synchronized void setRemoteControlAllowed(boolean allowed) {
        this.remoteControlAllowed = allowed;
    }

    // ---- events ----

    /** Emits an event with this code, known or not, into the history and onto the websocket. */
    public SimulatedEvent emitEvent(int cid) {
        return emitEvent(EventDraft.of(cid));
    }

    /** Emits an event about a device (its name and type filled in when the serial is known). */
    public SimulatedEvent emitEvent(int cid, String sensorSerial) {
        return emitEvent(EventDraft.of(cid).sensor(sensorSerial));
    }

    /** Emits an event from a draft. */
    public synchronized SimulatedEvent emitEvent(EventDraft event) {
        EventDraft draft = event.copy();
        if (draft.sensorSerial != null) {
            JsonNode device = sensors.find(draft.sensorSerial);
            if (device != null) {
                if (draft.sensorType == null) {
                    draft.sensorType(SensorBoard.typeOf(device));
                }
                if (draft.sensorName == null) {
                    draft.sensorName(SensorBoard.nameOf(device));
                }
            }
        }
        return publisher.publish(draft);
    }

    /**
     * Emits an event object as given (a fixture such as {@code ws_motion_event_data.json}):
     * {@code eventId}, {@code eventTimestamp} and {@code sid} are added only when missing.
     */
    public synchronized SimulatedEvent emitEventData(JsonNode data) {
        if (!data.isObject()) {
            throw new IllegalArgumentException("An event is a JSON object");
        }
        return publisher.publishData(((ObjectNode) data).deepCopy());
    }

    // ---- REST views and commands ----

    synchronized boolean remoteControlAllowed() {
        return remoteControlAllowed;
    }

    synchronized ObjectNode subscriptionView() {
        ObjectNode view = subscription.deepCopy();
        ObjectNode system = (ObjectNode) view.path("location").path("system");
        system.put("alarmState", panel.state().name());
        system.put("alarmStateTimestamp", panel.stateTimestamp());
        system.put("isAlarming", panel.isAlarming());
        system.put("exitDelayRemaining", panel.exitDelayRemaining());
        system.put("stateUpdated", Math.max(system.path("stateUpdated").asLong(), panel.stateTimestamp()));
        if (!remoteControlAllowed) {
            view.put("sStatus", 10);
            view.put("planName", "Standard Monitoring");
            ((ObjectNode) view.path("subscriptionFeatures")).putArray("remoteControl");
        }
        return view;
    }

    synchronized ObjectNode sensorsView() {
        return sensors.view();
    }

    synchronized ObjectNode settingsView() {
        return settings.view();
    }

    /** The V3 arming answer, {@code v3_state_response.json}'s shape. */
    synchronized ObjectNode armFromRemote(AlarmMode mode) {
        int exitDelay = panel.arm(mode, AlarmPanel.REMOTE);
        ObjectNode answer = SimpliSafeJson.object();
        answer.put("success", true);
        answer.putNull("reason");
        answer.put("state", mode.name());
        answer.put("lastUpdated", time.epochSeconds());
        answer.put("exitDelay", exitDelay);
        return answer;
    }

    synchronized String applyNormalSettings(JsonNode request, Instant now) {
        return settings.applyNormal(request, now);
    }

    synchronized String replacePins(JsonNode request, Instant now) {
        return settings.replacePins(request, now);
    }

    synchronized void clearMessages() {
        systemNode().putArray("messages");
    }

    ObjectNode systemNode() {
        return (ObjectNode) subscription.path("location").path("system");
    }

    /** Publishes under the monitor, so history order is the order of the changes. */
    void emit(EventDraft draft) {
        publisher.publish(draft);
    }

    private void hazard(ObjectNode sensor, String statusField, EventCode code, boolean sounds) {
        setStatus(sensor, statusField, true);
        panel.hazard(sensor, code, sounds);
    }

    private void setStatus(ObjectNode sensor, String field, boolean value) {
        SensorBoard.status(sensor).put(field, value);
        sensors.touch(time.epochSeconds());
    }

    private void setStatus(ObjectNode sensor, String field, int value) {
        SensorBoard.status(sensor).put(field, value);
        sensors.touch(time.epochSeconds());
    }

    private ObjectNode keypad() {
        ObjectNode keypad = sensors.firstOfType(DeviceType.KEYPAD);
        if (keypad == null) {
            throw new IllegalStateException("The simulated system has no keypad");
        }
        return keypad;
    }

    private static void requireType(JsonNode sensor, int type) {
        if (SensorBoard.typeOf(sensor) != type) {
            throw new IllegalArgumentException("Device " + sensor.path("serial").asText() + " is of type "
                    + SensorBoard.typeOf(sensor) + ", not " + type);
        }
    }
}
