package dev.weft.gui;

import java.awt.Component;
import java.awt.FlowLayout;

import javax.swing.BoxLayout;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;

/** Lays out the tabs' forms the same way: rows of labelled fields, each label with its mnemonic. */
final class Forms {

    private Forms() {
    }

    /** A panel of rows, one under the other. */
    static JPanel rows(JComponent... rows) {
        JPanel panel = new JPanel();
        panel.setLayout(new BoxLayout(panel, BoxLayout.Y_AXIS));
        for (JComponent row : rows) {
            row.setAlignmentX(Component.LEFT_ALIGNMENT);
            panel.add(row);
        }
        return panel;
    }

    /** One left-aligned row of components. */
    static JPanel row(Component... parts) {
        JPanel row = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 4));
        for (Component part : parts) {
            row.add(part);
        }
        return row;
    }

    /** A label for {@code field}; Alt+{@code mnemonic} moves the focus to it. */
    static JLabel label(String text, int mnemonic, Component field) {
        JLabel label = new JLabel(text);
        label.setDisplayedMnemonic(mnemonic);
        label.setLabelFor(field);
        return label;
    }
}
