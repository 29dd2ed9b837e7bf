"""The hall's playbook library in a real database: built-ins, versions, runs keeping theirs,
adapting and restoring, import and export, and the hall's own contacts."""

import json

import pytest

from hallsupervisor.domain.incidents.playbook import BUILTIN_CODES, Contact, Text
from hallsupervisor.domain.incidents.playbook_file import PlaybookFileError, write_playbooks
from hallsupervisor.storage import incidents
from hallsupervisor.storage import playbooks as library
from tests.storage.incident_helpers import FAINTING, make_hall


@pytest.fixture
def hall(tmp_path):
    store, hall_id = make_hall(tmp_path / "hall.sqlite")
    yield store, hall_id
    store.close()


def test_builtins_are_installed_once(hall):
    store, hall_id = hall
    assert library.ensure_builtin(store, hall_id) == 15
    assert library.ensure_builtin(store, hall_id) == 0
    summaries = library.list_playbooks(store, hall_id)
    assert [s.code for s in summaries] == list(BUILTIN_CODES)
    fire = summaries[1]
    assert (fire.title, fire.title_en, fire.version, fire.builtin, fire.adapted) == (
        "营业厅发生火灾", "Fire in the hall", 1, True, False)
    assert library.current_version_id(store, "fire", hall_id) == fire.version_id
    assert library.current_version_id(store, fire.id) == fire.version_id
    assert library.load_version(store, fire.version_id).title("en") == "Fire in the hall"
    with pytest.raises(LookupError):
        library.current_version_id(store, "no_such_code", hall_id)


def test_edits_of_one_session_share_a_version_until_a_run_uses_it(hall):
    store, hall_id = hall
    library.ensure_builtin(store, hall_id)
    playbook_id = library.playbook_id_of(store, "fainting", hall_id)
    original = library.load_current(store, playbook_id)
    first = library.save_edit(store, playbook_id, original.revised("张主任"))
    assert [v.version for v in library.versions(store, playbook_id)] == [2, 1]
    again = library.save_edit(store, playbook_id, original, session_version_id=first)
    assert again == first and len(library.versions(store, playbook_id)) == 2

    incident_id = incidents.start(store, hall_id, playbook_id)
    used = store.scalar("SELECT playbook_version_id FROM incidents WHERE id = ?", (incident_id,))
    assert used == first
    changed = original.revised("李班长")
    third = library.save_edit(store, playbook_id, changed, session_version_id=first)
    assert third != first
    assert library.versions(store, playbook_id)[1].used == 1
    # The run still has exactly the version it was started with.
    assert library.load_version(store, used) == original


def test_an_adapted_builtin_can_be_restored(hall):
    store, hall_id = hall
    library.ensure_builtin(store, hall_id)
    playbook_id = library.playbook_id_of(store, "quarrel", hall_id)
    original = library.load_current(store, playbook_id)
    steps = original.steps[:-1]
    from dataclasses import replace

    library.save_edit(store, playbook_id, replace(original, steps=steps))
    summary = next(s for s in library.list_playbooks(store, hall_id) if s.code == "quarrel")
    assert summary.adapted and summary.version == 2
    library.restore_builtin(store, playbook_id)
    summary = next(s for s in library.list_playbooks(store, hall_id) if s.code == "quarrel")
    assert not summary.adapted and summary.version == 3


def test_import_adds_new_codes_and_versions_known_ones(hall):
    store, hall_id = hall
    library.ensure_builtin(store, hall_id)
    own = json.loads(json.dumps(FAINTING))
    own.update(code="flood", category="own", title={"zh": "厅内漏水", "en": "Water leak"})
    fainting = library.load_current(store, library.playbook_id_of(store, "fainting", hall_id))
    from hallsupervisor.domain.incidents.playbook import Playbook

    data = write_playbooks([Playbook.from_dict(own), fainting])
    result = library.import_file(store, hall_id, data)
    assert (result.added, result.revised) == (["flood"], ["fainting"])
    codes = [s.code for s in library.list_playbooks(store, hall_id)]
    assert codes[-1] == "flood" and len(codes) == 16
    exported = library.export_file(store, hall_id)
    assert len(json.loads(exported)["playbooks"]) == 16


def test_a_bad_file_changes_nothing(hall):
    store, hall_id = hall
    library.ensure_builtin(store, hall_id)
    before = store.query("SELECT id, body FROM playbook_versions ORDER BY id")
    good = json.loads(json.dumps(FAINTING))
    bad = dict(good, code="broken", steps=[])
    data = json.dumps({"playbooks": [good, bad]}, ensure_ascii=False).encode()
    with pytest.raises(PlaybookFileError) as caught:
        library.import_file(store, hall_id, data)
    assert "至少要有一个步骤" in str(caught.value)
    assert store.query("SELECT id, body FROM playbook_versions ORDER BY id") == before


def test_hall_contacts_are_stored_and_shown_after_the_emergency_numbers(hall):
    store, hall_id = hall
    library.ensure_builtin(store, hall_id)
    assert library.hall_contacts(store, hall_id) == []
    own = [Contact(Text("物业值班室", "Property office"), "0531-8601 2345")]
    library.set_hall_contacts(store, hall_id, own)
    assert library.hall_contacts(store, hall_id) == own
    fire = library.load_current(store, library.playbook_id_of(store, "fire", hall_id))
    numbers = [c.number for c in library.contacts_for(store, hall_id, fire)]
    assert numbers == ["119", "120", "0531-8601 2345"]
