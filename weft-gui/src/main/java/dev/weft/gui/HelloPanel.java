package dev.weft.gui;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Font;
import java.awt.event.KeyEvent;

import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.BoxLayout;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JSlider;
import javax.swing.SwingConstants;

/**
 * Seed 003's three Tkinter programs in one panel: the "Hello World" label, the red QUIT button that ends the
 * app, and the Scale from 10 to 40 that sets the label's font size as it moves.
 */
final class HelloPanel extends JPanel {

    static final int MIN_SIZE = 10;
    static final int MAX_SIZE = 40;
    static final int START_SIZE = 12;

    private final JLabel label = new JLabel("Hello World", SwingConstants.CENTER);
    private final JSlider scale = new JSlider(SwingConstants.HORIZONTAL, MIN_SIZE, MAX_SIZE, START_SIZE);
    private final JButton quit = new JButton("QUIT");

    HelloPanel(Runnable onQuit) {
        super(new BorderLayout());
        setBorder(BorderFactory.createEmptyBorder(24, 24, 24, 24));
        label.setName("hello.label");
        label.setFont(label.getFont().deriveFont(Font.PLAIN, START_SIZE));
        add(label, BorderLayout.CENTER);

        scale.setName("hello.scale");
        scale.setMajorTickSpacing(5);
        scale.setMinorTickSpacing(1);
        scale.setPaintTicks(true);
        scale.setPaintLabels(true);
        scale.getAccessibleContext().setAccessibleName("Font size");
        scale.addChangeListener(e -> label.setFont(label.getFont().deriveFont((float) scale.getValue())));
        JLabel scaleLabel = new JLabel("Font size:");
        scaleLabel.setDisplayedMnemonic(KeyEvent.VK_S);
        scaleLabel.setLabelFor(scale);

        quit.setName("hello.quit");
        quit.setMnemonic(KeyEvent.VK_Q);
        quit.setBackground(new Color(0xD32F2F));
        quit.setForeground(Color.WHITE);
        quit.putClientProperty("JButton.buttonType", "roundRect");
        quit.addActionListener(e -> onQuit.run());

        JPanel controls = new JPanel();
        controls.setLayout(new BoxLayout(controls, BoxLayout.X_AXIS));
        controls.add(scaleLabel);
        controls.add(Box.createHorizontalStrut(8));
        controls.add(scale);
        controls.add(Box.createHorizontalStrut(24));
        controls.add(quit);
        add(controls, BorderLayout.SOUTH);
    }

    JLabel label() {
        return label;
    }

    JSlider scale() {
        return scale;
    }

    JButton quit() {
        return quit;
    }
}
