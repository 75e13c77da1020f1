package dev.weft.lab;

import java.util.List;
import java.util.Optional;

/** The experiments of the lab, in the order the seeds teach them. */
public final class Lab {

    private static final List<Experiment> EXPERIMENTS = List.of(
            new RaceExperiment(), new TicketsExperiment(), new BankExperiment(), new DeadlockExperiment(),
            new SemaphoreExperiment(), new EventExperiment(), new QueuesExperiment(), new PoolExperiment(),
            new ProcessesExperiment(), new IoVsCpuExperiment(), new VirtualExperiment(), new DaemonExperiment(),
            new ConditionExperiment(), new TimerExperiment(), new BarrierExperiment(), new IntrospectionExperiment(),
            new ListRaceExperiment(), new CandyExperiment(), new ProcessGlobalsExperiment(), new ProcessQueueExperiment(),
            new PipeExperiment(), new ManagerExperiment(), new ProcessPoolExperiment(), new DaemonProcessExperiment(),
            new GeneratorsExperiment(), new PingPongExperiment(), new GeventExperiment());

    private Lab() {
    }

    public static List<Experiment> experiments() {
        return EXPERIMENTS;
    }

    public static Optional<Experiment> find(String name) {
        return EXPERIMENTS.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    /** The experiment names, comma-separated, for error messages. */
    public static String names() {
        return String.join(", ", EXPERIMENTS.stream().map(Experiment::name).toList());
    }
}
