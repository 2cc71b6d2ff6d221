package io.github.camelsmarthome.simulator.homeconnect;

/** The Home Connect keys the simulator's state rules act on (brief section 5). */
final class BshKeys {

    static final String OPERATION_STATE = "BSH.Common.Status.OperationState";
    static final String OPERATION_STATE_PREFIX = "BSH.Common.EnumType.OperationState.";
    static final String DOOR_STATE = "BSH.Common.Status.DoorState";
    static final String DOOR_STATE_PREFIX = "BSH.Common.EnumType.DoorState.";
    static final String REMOTE_CONTROL_ACTIVE = "BSH.Common.Status.RemoteControlActive";
    static final String REMOTE_START_ALLOWED = "BSH.Common.Status.RemoteControlStartAllowed";
    static final String LOCAL_CONTROL_ACTIVE = "BSH.Common.Status.LocalControlActive";
    static final String POWER_STATE = "BSH.Common.Setting.PowerState";
    static final String POWER_STATE_PREFIX = "BSH.Common.EnumType.PowerState.";

    static final String REMAINING_PROGRAM_TIME = "BSH.Common.Option.RemainingProgramTime";
    static final String PROGRAM_PROGRESS = "BSH.Common.Option.ProgramProgress";
    static final String ELAPSED_PROGRAM_TIME = "BSH.Common.Option.ElapsedProgramTime";
    static final String START_IN_RELATIVE = "BSH.Common.Option.StartInRelative";
    static final String FINISH_IN_RELATIVE = "BSH.Common.Option.FinishInRelative";

    static final String PROGRAM_FINISHED = "BSH.Common.Event.ProgramFinished";
    static final String PROGRAM_ABORTED = "BSH.Common.Event.ProgramAborted";
    static final String PRESENT = "BSH.Common.EnumType.EventPresentState.Present";
    static final String OFF = "BSH.Common.EnumType.EventPresentState.Off";

    static final String PAUSE_PROGRAM = "BSH.Common.Command.PauseProgram";
    static final String RESUME_PROGRAM = "BSH.Common.Command.ResumeProgram";
    static final String OPEN_DOOR = "BSH.Common.Command.OpenDoor";
    static final String PARTLY_OPEN_DOOR = "BSH.Common.Command.PartlyOpenDoor";
    static final String ACKNOWLEDGE_EVENT = "BSH.Common.Command.AcknowledgeEvent";

    private BshKeys() {
    }
}
