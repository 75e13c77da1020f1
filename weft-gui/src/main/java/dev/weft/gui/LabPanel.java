package dev.weft.gui;

import java.awt.BorderLayout;
import java.awt.CardLayout;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.event.KeyEvent;
import java.util.Optional;

import javax.swing.BorderFactory;
import javax.swing.DefaultListCellRenderer;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTable;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import javax.swing.ListSelectionModel;
import javax.swing.UIManager;
import javax.swing.table.DefaultTableModel;

import dev.weft.lab.Experiment;
import dev.weft.lab.Figure;
import dev.weft.lab.Fix;
import dev.weft.lab.Knob;
import dev.weft.lab.Lab;
import dev.weft.lab.LabOptions;
import dev.weft.lab.Result;

import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XChartPanel;
import org.knowm.xchart.style.Styler;

/**
 * The Lab tab: every experiment {@link Lab#experiments()} lists, its knobs (only those it reads), a Run button,
 * and what the run measured: the figures as a table, the verdict (the result's explanation), and a bar chart
 * when the figures compare variants ({@link Comparison}).
 */
final class LabPanel extends JPanel implements AutoCloseable {

    private final JList<Experiment> experiments = new JList<>(Lab.experiments().toArray(Experiment[]::new));
    private final JTextField threads = new JTextField(5);
    private final JTextField iterations = new JTextField(7);
    private final JTextField seed = new JTextField(Long.toString(LabOptions.DEFAULT_SEED), 6);
    private final JCheckBox lock = new JCheckBox("Lock");
    private final JComboBox<Object> fix = new JComboBox<>();
    private final JButton run = new JButton("Run");
    private final JLabel status = new JLabel("Pick an experiment and press Run.");
    private final DefaultTableModel figures = new DefaultTableModel(new Object[] {"Figure", "Value"}, 0) {
        @Override
        public boolean isCellEditable(int row, int column) {
            return false;
        }
    };
    private final JTextArea verdict = new JTextArea(3, 60);
    private final JPanel chartHolder = new JPanel(new CardLayout());
    private volatile Thread runningThread;
    private Result last;

    LabPanel() {
        super(new BorderLayout());
        setBorder(BorderFactory.createEmptyBorder(8, 8, 8, 8));
        experiments.setName("lab.experiments");
        threads.setName("lab.threads");
        iterations.setName("lab.iterations");
        run.setName("lab.run");
        status.setName("lab.status");
        verdict.setName("lab.verdict");
        experiments.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        experiments.setCellRenderer(new DefaultListCellRenderer() {
            @Override
            public java.awt.Component getListCellRendererComponent(JList<?> list, Object value, int index, boolean selected, boolean focus) {
                Experiment e = (Experiment) value;
                JLabel label = (JLabel) super.getListCellRendererComponent(list, e.name(), index, selected, focus);
                label.setToolTipText(e.summary());
                return label;
            }
        });
        experiments.addListSelectionListener(e -> chosen());
        fix.addItem("both");
        for (Fix f : Fix.values()) {
            fix.addItem(f);
        }
        threads.setToolTipText("empty: the experiment's default");
        iterations.setToolTipText("empty: the experiment's default");
        run.setMnemonic(KeyEvent.VK_R);
        run.addActionListener(e -> runChosen());

        JPanel knobs = Forms.rows(
                Forms.row(Forms.label("Threads:", KeyEvent.VK_T, threads), threads,
                        Forms.label("Iterations:", KeyEvent.VK_I, iterations), iterations,
                        Forms.label("Seed:", KeyEvent.VK_E, seed), seed, lock, Forms.label("Fix:", KeyEvent.VK_X, fix), fix, run),
                Forms.row(status));
        JTable table = new JTable(figures);
        table.setName("lab.figures");
        table.setFillsViewportHeight(true);
        table.getColumnModel().getColumn(0).setPreferredWidth(220);
        table.getColumnModel().getColumn(1).setPreferredWidth(180);
        verdict.setEditable(false);
        verdict.setFocusable(false);
        verdict.setLineWrap(true);
        verdict.setWrapStyleWord(true);
        verdict.setFont(UIManager.getFont("Label.font").deriveFont(Font.BOLD));
        verdict.setBackground(UIManager.getColor("Panel.background"));
        chartHolder.setPreferredSize(new Dimension(440, 260));
        JPanel results = new JPanel(new BorderLayout(6, 6));
        results.add(verdict, BorderLayout.NORTH);
        JSplitPane tableAndChart = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, new JScrollPane(table), chartHolder);
        tableAndChart.setResizeWeight(0.5);
        results.add(tableAndChart, BorderLayout.CENTER);
        JPanel right = new JPanel(new BorderLayout());
        right.add(knobs, BorderLayout.NORTH);
        right.add(results, BorderLayout.CENTER);
        JScrollPane list = new JScrollPane(experiments);
        list.setPreferredSize(new Dimension(150, 200));
        add(list, BorderLayout.WEST);
        add(right, BorderLayout.CENTER);
        experiments.setSelectedIndex(0);
    }

    private void chosen() {
        Experiment e = experiments.getSelectedValue();
        if (e == null) {
            return;
        }
        threads.setEnabled(e.knobs().contains(Knob.THREADS));
        iterations.setEnabled(e.knobs().contains(Knob.ITERATIONS));
        seed.setEnabled(e.knobs().contains(Knob.SEED));
        lock.setEnabled(e.knobs().contains(Knob.LOCK));
        fix.setEnabled(e.knobs().contains(Knob.FIX));
        status.setText(e.name() + ": " + e.summary());
    }

    /** Selects the experiment named {@code name}; false when the lab has none by that name. */
    boolean select(String name) {
        for (int i = 0; i < experiments.getModel().getSize(); i++) {
            if (experiments.getModel().getElementAt(i).name().equals(name)) {
                experiments.setSelectedIndex(i);
                return true;
            }
        }
        return false;
    }

    private void runChosen() {
        Experiment experiment = experiments.getSelectedValue();
        LabOptions options;
        try {
            options = options(experiment);
        } catch (IllegalArgumentException e) {
            status.setText(e.getMessage());
            return;
        }
        run.setEnabled(false);
        status.setText("Running " + experiment.name() + "…");
        runningThread = Background.run("lab-" + experiment.name(), () -> experiment.run(options), result -> {
            run.setEnabled(true);
            status.setText(experiment.name() + " done.");
            show(result);
        }, e -> {
            run.setEnabled(true);
            status.setText(experiment.name() + " failed: " + Background.describe(e));
        });
    }

    private LabOptions options(Experiment experiment) {
        LabOptions options = LabOptions.defaults();
        if (threads.isEnabled() && !threads.getText().isBlank()) {
            options = options.withThreads(number("threads", threads));
        }
        if (iterations.isEnabled() && !iterations.getText().isBlank()) {
            options = options.withIterations(number("iterations", iterations));
        }
        if (seed.isEnabled() && !seed.getText().isBlank()) {
            try {
                options = options.withSeed(Long.parseLong(seed.getText().trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("seed must be a whole number, not '" + seed.getText().trim() + "'");
            }
        }
        if (lock.isEnabled() && lock.isSelected()) {
            options = options.withLock(true);
        }
        if (fix.isEnabled() && fix.getSelectedItem() instanceof Fix chosen) {
            options = options.withFix(chosen);
        }
        return options;
    }

    private static int number(String what, JTextField field) {
        try {
            return Integer.parseInt(field.getText().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be a whole number, not '" + field.getText().trim() + "'");
        }
    }

    private void show(Result result) {
        last = result;
        figures.setRowCount(0);
        for (Figure f : result.figures()) {
            figures.addRow(new Object[] {f.label(), f.display()});
        }
        verdict.setText(result.lesson() + "\n" + result.setup() + "\n" + String.join("\n", result.explanation()));
        chartHolder.removeAll();
        Optional<Comparison> comparison = Comparison.of(result);
        comparison.ifPresent(c -> chartHolder.add(chart(result.experiment(), c)));
        chartHolder.revalidate();
        chartHolder.repaint();
    }

    private static XChartPanel<CategoryChart> chart(String experiment, Comparison comparison) {
        CategoryChart chart = new CategoryChartBuilder().width(420).height(260).title(experiment)
                .yAxisTitle(comparison.unit()).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        chart.getStyler().setLegendVisible(comparison.series().size() > 1);
        chart.getStyler().setChartBackgroundColor(UIManager.getColor("Panel.background"));
        chart.getStyler().setBaseFont(UIManager.getFont("Label.font"));
        chart.getStyler().setXAxisLabelRotation(comparison.categories().size() > 4 ? 30 : 0);
        comparison.series().forEach((name, values) -> chart.addSeries(name, comparison.categories(), values));
        XChartPanel<CategoryChart> panel = new XChartPanel<>(chart);
        panel.setName("lab.chart");
        return panel;
    }

    /** The last result shown, or null. */
    Result lastResult() {
        return last;
    }

    JTextArea verdict() {
        return verdict;
    }

    JButton runButton() {
        return run;
    }

    JPanel chartHolder() {
        return chartHolder;
    }

    /** An experiment still running is interrupted; every wait inside one is bounded anyway. */
    @Override
    public void close() {
        Thread thread = runningThread;
        if (thread != null) {
            thread.interrupt();
        }
    }
}
