package dev.paperboy.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ListPeriodTest {

  @Test
  void anIsoWeekRunsMondayToSunday() {
    ListPeriod week = ListPeriod.week("2025-W11");

    assertThat(week.first()).isEqualTo(LocalDate.of(2025, 3, 10));
    assertThat(week.last()).isEqualTo(LocalDate.of(2025, 3, 16));
    assertThat(week.label()).isEqualTo("Week 11 of 2025 (Mar 10, 2025 – Mar 16, 2025)");
  }

  @Test
  void weeksCrossYearsTheIsoWay() {
    assertThat(ListPeriod.weekOf(LocalDate.of(2024, 12, 30)).key()).isEqualTo("2025-W01");
    assertThat(ListPeriod.week("2025-W01").previous().key()).isEqualTo("2024-W52");
    assertThat(ListPeriod.week("2020-W53").next().key()).isEqualTo("2021-W01");
    assertThat(ListPeriod.week("2026-W53").first()).isEqualTo(LocalDate.of(2026, 12, 28));
  }

  @Test
  void aMonthIsItsCalendarDays() {
    ListPeriod february = ListPeriod.month("2024-02");

    assertThat(february.first()).isEqualTo(LocalDate.of(2024, 2, 1));
    assertThat(february.last()).isEqualTo(LocalDate.of(2024, 2, 29));
    assertThat(february.previous().key()).isEqualTo("2024-01");
    assertThat(ListPeriod.month("2024-12").next().key()).isEqualTo("2025-01");
    assertThat(february.label()).isEqualTo("February 2024");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"2025-W00", "2025-W54", "2021-W53", "2025-11", "W11", "2025-w11", "", "2025-W1"})
  void badWeeksAreRefusedWithAMessage(String text) {
    assertThatThrownBy(() -> ListPeriod.week(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("week");
  }

  @ParameterizedTest
  @ValueSource(strings = {"2025-13", "2025-00", "2025-3", "March", "2025-03-01"})
  void badMonthsAreRefusedWithAMessage(String text) {
    assertThatThrownBy(() -> ListPeriod.month(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("month");
  }
}
