"""`followthrough cases_import --service NAME FILE.csv`: every row checked, errors by row and
column, nothing written unless all is right, and a second import updates rather than doubles."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from followthrough.cases.models import Case, Task

HEADER = (
    "record,reference,age_at_sentence,sex,ethnicity,care_status,sentence_type,sentence_date,"
    "earliest_release,release_date,description,owner,pathway,due_anchor,due_offset_days,status\n"
)
GOOD = (
    HEADER
    + "case,NB-0001,16,male,white,none,dto,2026-03-02,2026-09-01,,,,,,,\n"
    + "case,NB-0002,15,female,black,looked_after,dto,2026-04-06,2026-10-05,,,,,,,\n"
    + "task,NB-0001,,,,,,,,,Confirm the placement,Riverside YJS,accommodation,"
    + "earliest_release,-28,\n"
)


def run(tmp_path, text: str, service: str = "Riverside YJS"):
    path = tmp_path / "cases.csv"
    path.write_text(text)
    call_command("cases_import", "--service", service, str(path))


def test_a_good_file_is_imported_and_a_second_import_updates(tmp_path, youth_justice_service):
    run(tmp_path, GOOD)
    assert Case.objects.count() == 2 and Task.objects.count() == 1
    task = Task.objects.get()
    assert str(task.due_date) == "2026-08-04"
    run(tmp_path, GOOD.replace("2026-09-01,,", "2026-08-01,,", 1))
    assert Case.objects.count() == 2 and Task.objects.count() == 1
    task.refresh_from_db()
    assert str(task.due_date) == "2026-07-04"  # re-dated from the moved release


def test_errors_name_the_row_and_column_and_nothing_is_written(
    tmp_path, youth_justice_service, capsys
):
    bad = GOOD.replace("2026-04-06", "06/04/2026").replace(",15,female", ",fifteen,female")
    with pytest.raises(CommandError, match="2 errors, nothing imported"):
        run(tmp_path, bad)
    errors = capsys.readouterr().err
    assert "Row 3, column age_at_sentence: enter a whole number" in errors
    assert not Case.objects.exists()


def test_a_missing_required_field_is_reported_by_column(tmp_path, youth_justice_service, capsys):
    with pytest.raises(CommandError):
        run(tmp_path, GOOD.replace(",male,white,", ",,white,", 1))
    assert "Row 2, column sex" in capsys.readouterr().err
    assert not Case.objects.exists()


@pytest.mark.parametrize("column", ["name", "date_of_birth", "address", "school"])
def test_a_file_that_would_name_a_child_is_refused_whole(
    tmp_path, youth_justice_service, capsys, column
):
    text = GOOD.replace("record,", f"{column},record,", 1).replace("\ncase,", "\nSynthetic,case,")
    with pytest.raises(CommandError):
        run(tmp_path, text)
    assert column in capsys.readouterr().err
    assert not Case.objects.exists()


def test_an_unknown_service_is_one_clear_line(tmp_path, db):
    with pytest.raises(CommandError, match="No youth justice service is called 'Nowhere'"):
        run(tmp_path, GOOD, service="Nowhere")


@pytest.mark.parametrize("offset", ["--5", "²", "1000000"])
def test_a_task_offset_out_of_range_is_a_row_error(tmp_path, youth_justice_service, capsys, offset):
    text = GOOD.replace("earliest_release,-28,", f"earliest_release,{offset},")
    with pytest.raises(CommandError, match="nothing imported"):
        run(tmp_path, text)
    assert "Row 4, column due_offset_days: enter a whole number of days from -730" in (
        capsys.readouterr().err
    )
    assert not Case.objects.exists()
