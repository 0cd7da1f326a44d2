package dev.throng.app.designer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.throng.app.fx.BackgroundTasks;
import dev.throng.app.project.ProjectDocument;
import dev.throng.app.service.MemoryProjectFiles;
import dev.throng.app.service.RequestSender;
import dev.throng.app.service.SampleProjects;
import dev.throng.engine.project.Body;
import dev.throng.engine.project.Header;
import dev.throng.engine.project.Step;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RequestEditorViewModelTest {
    @TempDir
    Path dir;

    @Test
    void editsAreUndoableAndSendOnceReportsTheExchange() {
        var doc = new ProjectDocument(new MemoryProjectFiles(), BackgroundTasks.inline(), dir);
        doc.openUntitled(SampleProjects.builtInShop());
        RequestSender sender = (project, directory, request) -> new RequestSender.Exchange(
                "http://shop" + request.url(), 200, List.of(), "{}", Map.of("total", 3.0), Map.of("price", "9"), null);
        var vm = new RequestEditorViewModel(doc, BackgroundTasks.inline(), sender);
        vm.show("browse", "product");
        assertThat(vm.requestProperty().get().url()).isEqualTo("/product/${productId}");
        assertThat(vm.knownVariables()).containsExactly("price", "productId");

        vm.setUrl(" /product/${productId}?full=1 ");
        vm.setBody(RequestEditorViewModel.BodyKind.FORM, "a=1\nb=two");
        assertThat(vm.requestProperty().get().url()).isEqualTo("/product/${productId}?full=1");
        assertThat(vm.requestProperty().get().body())
                .isEqualTo(new Body.Form(List.of(new Header("a", "1"), new Header("b", "two"))));
        vm.setChecks("status nope");
        assertThat(vm.messageProperty().get()).contains("check line 1");
        doc.undo();
        doc.undo();
        assertThat(vm.requestProperty().get().url()).isEqualTo("/product/${productId}");

        vm.sendOnce();
        assertThat(vm.exchangeProperty().get().status()).isEqualTo(200);
        assertThat(vm.exchangeProperty().get().url()).isEqualTo("http://shop/product/${productId}");
        assertThat(vm.sendingProperty().get()).isFalse();

        vm.show("browse", "think");
        assertThat(vm.requestProperty().get()).isNull();
        assertThat(doc.project().flow("browse").orElseThrow().step("think").orElseThrow())
                .isInstanceOf(Step.Pause.class);
    }
}
