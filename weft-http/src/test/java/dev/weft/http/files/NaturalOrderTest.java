package dev.weft.http.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Names in the order people read them. */
class NaturalOrderTest {

    private static List<String> sorted(String... names) {
        List<String> list = new ArrayList<>(List.of(names));
        list.sort(NaturalOrder.INSTANCE);
        return list;
    }

    @Test
    void caseDoesNotDecideTheOrder() {
        assertThat(sorted("Zeta", "alpha", "Beta")).containsExactly("alpha", "Beta", "Zeta");
    }

    @Test
    void digitRunsCompareByValue() {
        assertThat(sorted("file10.txt", "file2.txt", "file1.txt")).containsExactly("file1.txt", "file2.txt", "file10.txt");
    }

    @Test
    void leadingZerosAndHugeNumbersStillOrderByValue() {
        assertThat(sorted("v99999999999999999999999", "v007", "v8")).containsExactly("v007", "v8", "v99999999999999999999999");
    }

    @Test
    void namesEqualButForCaseStillHaveAFixedOrder() {
        assertThat(sorted("a", "A")).containsExactly("A", "a");
        assertThat(sorted("A", "a")).containsExactly("A", "a");
    }

    @Test
    void aPrefixComesFirst() {
        assertThat(sorted("abc", "ab")).containsExactly("ab", "abc");
    }
}
