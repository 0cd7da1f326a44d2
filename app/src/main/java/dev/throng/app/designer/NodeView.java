package dev.throng.app.designer;

import dev.throng.app.designer.FlowDesignerViewModel.Kind;
import dev.throng.app.designer.FlowDesignerViewModel.Node;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Rectangle;

/** One node of the canvas: a box with its title, detail and share of visits, and a port to drag arrows from. */
final class NodeView extends StackPane {
    static final double PORT_RADIUS = 6;

    private final Node node;
    private final Rectangle box;
    private final Circle port;
    private Label share;
    private final javafx.scene.control.Tooltip tip;
    private String shareText;

    NodeView(Node node, boolean selected) {
        this.node = node;
        this.tip = new javafx.scene.control.Tooltip(node.title() + "\n" + node.detail());
        setId("node-" + node.id());
        getStyleClass().addAll("flow-node", "flow-node-" + node.kind().name().toLowerCase(Locale.ROOT));
        boolean pseudo = node.kind() == Kind.START || node.kind() == Kind.END;
        double width = pseudo ? 110 : FlowDesignerViewModel.NODE_WIDTH;
        double height = pseudo ? 40 : FlowDesignerViewModel.NODE_HEIGHT;
        box = new Rectangle(width, height);
        box.getStyleClass().add("flow-node-box");
        if (pseudo) {
            box.setArcWidth(height);
            box.setArcHeight(height);
        } else {
            box.setArcWidth(12);
            box.setArcHeight(12);
        }
        var title = new Label(node.title());
        title.getStyleClass().add("flow-node-title");
        title.setMaxWidth(width - 16);
        var text = new VBox(1, title);
        text.setAlignment(Pos.CENTER);
        text.setMouseTransparent(true);
        if (!pseudo) {
            var detail = new Label(node.detail());
            detail.getStyleClass().add("flow-node-detail");
            detail.setMaxWidth(width - 16);
            shareText = String.format(Locale.ROOT, "%.1f%% of visits", node.share() * 100);
            share = new Label(shareText);
            share.getStyleClass().add("flow-node-share");
            text.getChildren().addAll(detail, share);
        }
        if (!pseudo) {
            javafx.scene.control.Tooltip.install(box, tip);
        }
        port = new Circle(PORT_RADIUS);
        port.getStyleClass().add("flow-port");
        port.setId("port-" + node.id());
        port.setVisible(node.kind() != Kind.END);
        StackPane.setAlignment(port, Pos.BOTTOM_CENTER);
        port.setTranslateY(PORT_RADIUS);
        getChildren().addAll(box, text, port);
        setPickOnBounds(false);
        setManaged(false);
        resize(width, height);
        // Centre pseudo-nodes on the column of a step box.
        double shift = pseudo ? (FlowDesignerViewModel.NODE_WIDTH - width) / 2 : 0;
        relocate(node.x() + shift, node.y());
        setSelected(selected);
    }

    Node node() {
        return node;
    }

    Circle port() {
        return port;
    }

    double boxWidth() {
        return box.getWidth();
    }

    double boxHeight() {
        return box.getHeight();
    }

    /** Shows a run's figures (colour and a line in place of the share of visits); null shows the node plain. */
    void showFigures(RunOverlay.StepFigures f) {
        RunOverlay.Level level = f == null ? RunOverlay.Level.NONE : f.level();
        for (RunOverlay.Level l : RunOverlay.Level.values()) {
            if (l != RunOverlay.Level.NONE) {
                pseudoClassStateChanged(
                        javafx.css.PseudoClass.getPseudoClass("run-" + l.name().toLowerCase(Locale.ROOT)), l == level);
            }
        }
        if (share != null) {
            share.setText(f == null ? shareText : f.text());
            tip.setText(node.title() + "\n" + node.detail()
                    + (f == null ? "" : String.format(Locale.ROOT, "\n%s · %.1f requests/s now", f.text(), f.rps())));
        }
    }

    void setSelected(boolean value) {
        pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("selected"), value);
    }
}
