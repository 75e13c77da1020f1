package dev.weft.gui;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Dimension;
import java.util.List;

import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.UIManager;

import org.knowm.xchart.XChartPanel;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;

/** One running server in the Servers tab: its start-up line, a live XChart of its metrics, and Stop. */
final class ServerCard extends JPanel {

    static final String OPEN = "open connections";

    private final RunningService service;
    private final RateSampler sampler = new RateSampler();
    private final XYChart chart;
    private final XChartPanel<XYChart> chartPanel;
    private final JButton stop = new JButton("Stop");
    private final JLabel line;

    ServerCard(RunningService service, Runnable onStop) {
        super(new BorderLayout(4, 4));
        this.service = service;
        setName("server:" + service.server().port());
        setBorder(BorderFactory.createCompoundBorder(BorderFactory.createMatteBorder(0, 0, 1, 0, UIManager.getColor("Separator.foreground")),
                BorderFactory.createEmptyBorder(6, 4, 6, 4)));
        line = new JLabel(service.server().startupLine());
        line.setName("server.line");
        stop.setName("server.stop");
        stop.setMnemonic('o');
        stop.addActionListener(e -> onStop.run());
        JPanel top = new JPanel(new BorderLayout());
        top.add(line, BorderLayout.CENTER);
        top.add(stop, BorderLayout.EAST);
        add(top, BorderLayout.NORTH);

        chart = new XYChartBuilder().width(600).height(240).xAxisTitle("seconds").build();
        Styler styler = chart.getStyler();
        styler.setLegendPosition(Styler.LegendPosition.InsideNW);
        styler.setChartBackgroundColor(UIManager.getColor("Panel.background"));
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setMarkerSize(4);
        styler.setBaseFont(UIManager.getFont("Label.font"));
        chart.getStyler().setChartTitleVisible(false);
        chart.getStyler().setYAxisMin(0.0);
        sampler.sample(System.nanoTime(), 0, service.rateTotal());
        chart.addSeries(OPEN, xs(), open()).setMarker(org.knowm.xchart.style.markers.SeriesMarkers.CIRCLE);
        chart.addSeries(service.rateName(), xs(), rates());
        chartPanel = new XChartPanel<>(chart);
        chartPanel.setPreferredSize(new Dimension(600, 240));
        add(chartPanel, BorderLayout.CENTER);
    }

    /** Reads the counters (cheap, non-blocking) and adds a point; on the EDT, once a second. */
    void tick() {
        var snapshot = service.snapshot();
        sampler.sample(System.nanoTime(), snapshot.openConnections(), service.rateTotal());
        chart.updateXYSeries(OPEN, xs(), open(), null);
        chart.updateXYSeries(service.rateName(), xs(), rates(), null);
        chartPanel.repaint();
    }

    private List<Double> xs() {
        return sampler.points().stream().map(RateSampler.Point::second).toList();
    }

    private List<Long> open() {
        return sampler.points().stream().map(RateSampler.Point::open).toList();
    }

    private List<Double> rates() {
        return sampler.points().stream().map(RateSampler.Point::perSecond).toList();
    }

    /** How many points the chart has plotted so far. */
    long points() {
        return sampler.taken();
    }

    /** The points plotted, oldest first. */
    List<RateSampler.Point> plotted() {
        return sampler.points();
    }

    RunningService service() {
        return service;
    }

    JButton stopButton() {
        return stop;
    }

    void stopping() {
        stop.setEnabled(false);
        line.setText(line.getText() + " — stopping…");
    }
}
