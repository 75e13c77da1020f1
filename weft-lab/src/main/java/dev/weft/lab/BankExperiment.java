package dev.weft.lab;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The seeds' bank: threads move money between accounts (transfer = withdraw then deposit) and draw cash
 * (drawcash takes the account lock and calls withdraw, which takes it again). With reentrant locks the money is
 * conserved; with a non-reentrant lock drawcash waits for itself, which the lab detects instead of hanging.
 */
public final class BankExperiment implements Experiment {

    private static final Logger LOG = LoggerFactory.getLogger(BankExperiment.class);
    static final int DEFAULT_THREADS = 4;
    static final int DEFAULT_OPERATIONS = 200;
    static final long OPENING_BALANCE = 1000;
    static final Duration DETECTION_TIMEOUT = Duration.ofSeconds(5);
    private static final List<String> OWNERS = List.of("alex", "yuan", "egon", "wupeiqi");

    @Override
    public String name() {
        return "bank";
    }

    @Override
    public String lesson() {
        return "seed 000, 五、递归锁: the account with withdraw, deposit and drawcash";
    }

    @Override
    public String summary() {
        return "concurrent transfers and nested drawcash->withdraw under reentrant locks conserve money; a plain lock self-deadlocks";
    }

    @Override
    public Set<Knob> knobs() {
        return EnumSet.of(Knob.THREADS, Knob.ITERATIONS, Knob.SEED);
    }

    @Override
    public Result run(LabOptions options) throws InterruptedException {
        int threads = LabOptions.atMost(options.threadsOr(DEFAULT_THREADS), 64, name(), Knob.THREADS);
        int operations = LabOptions.atMost(options.iterationsOr(DEFAULT_OPERATIONS), 100_000, name(), Knob.ITERATIONS);
        LongAdder nested = new LongAdder();
        List<Account> accounts = new ArrayList<>();
        OWNERS.forEach(owner -> accounts.add(new Account(owner, OPENING_BALANCE, new ReentrantLock(), nested)));
        Account cashDesk = new Account("cash desk", 0, new ReentrantLock(), nested);
        long before = total(accounts, cashDesk);
        LongAdder transfers = new LongAdder();
        LongAdder draws = new LongAdder();

        Crew.start("lab-bank", threads, i -> {
            Random random = new Random(options.seed() + i);
            for (int n = 0; n < operations; n++) {
                Account from = accounts.get(random.nextInt(accounts.size()));
                Account to = accounts.get(random.nextInt(accounts.size()));
                long amount = 1 + random.nextInt(100);
                if (random.nextInt(4) == 0) {
                    cashDesk.deposit(from.drawcash(amount));
                    draws.increment();
                } else {
                    from.withdraw(amount);
                    to.deposit(amount);
                    transfers.increment();
                }
            }
        }).join(Duration.ofSeconds(60));
        long after = total(accounts, cashDesk);

        NonReentrantLock plainLock = new NonReentrantLock();
        Optional<LockWatch.Stuck> stuck = selfDeadlock(plainLock);
        List<Figure> figures = new ArrayList<>(List.of(
                Figure.of("accounts", "accounts", accounts.size()),
                Figure.of("transfers", "transfers", transfers.sum()),
                Figure.of("drawcash", "drawcash calls", draws.sum()),
                Figure.of("totalBefore", "total before", before),
                Figure.of("totalAfter", "total after", after),
                Figure.of("conserved", "total conserved", before == after),
                Figure.of("nestedAcquisitions", "nested lock acquisitions", nested.sum()),
                Figure.of("nonReentrantDeadlock", "plain lock: drawcash deadlocked", stuck.isPresent()),
                Figure.measured("detectedMillis", "detected after",
                        stuck.map(s -> s.detectedAfter().toNanos() / 1e6).orElse(-1.0), "ms"),
                Figure.of("stuckThread", "stuck", stuck
                        .map(s -> String.join("; ", s.describe(info -> plainLock.is(info) ? "alex's lock" : String.valueOf(info))))
                        .orElse("none"))));
        return new Result(name(), lesson(),
                threads + " threads x " + operations + " operations on " + accounts.size() + " accounts, reentrant locks",
                figures,
                List.of("Every withdraw and deposit read and wrote a balance under its account's lock, and drawcash took that lock twice"
                                + " (" + nested.sum() + " times): the reentrant lock counted up instead of blocking, and no money was lost.",
                        "With a non-reentrant lock, the same drawcash waited for a lock its own thread held: the lab saw that"
                                + " through ThreadMXBean and interrupted it. Python's RLock and Java's ReentrantLock exist for this."));
    }

    /** drawcash on an account guarded by a non-reentrant lock: returns what the watch saw, after freeing the thread. */
    private static Optional<LockWatch.Stuck> selfDeadlock(NonReentrantLock lock) throws InterruptedException {
        Account account = new Account("alex", OPENING_BALANCE, lock, new LongAdder());
        Crew crew = Crew.start("lab-bank-plain-lock", 1, i -> {
            try {
                account.drawcash(100);
            } catch (InterruptedException freed) {
                LOG.debug("drawcash under a plain lock was interrupted after the watch saw it stuck");
            }
        });
        Optional<LockWatch.Stuck> stuck = LockWatch.await(crew.threads(), DETECTION_TIMEOUT);
        crew.threads().forEach(Thread::interrupt);
        crew.join(Duration.ofSeconds(5));
        return stuck;
    }

    private static long total(List<Account> accounts, Account cashDesk) throws InterruptedException {
        long sum = cashDesk.balance();
        for (Account account : accounts) {
            sum += account.balance();
        }
        return sum;
    }
}
