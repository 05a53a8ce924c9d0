"""The public view drops every internal entity and every reference to one."""
import json

import pytest

from generator.render.edition import public_city, view


@pytest.fixture(scope="module")
def public(mini_city):
    return public_city(mini_city)


def all_text(city) -> str:
    parts = [city.info.model_dump_json(), city.registry.model_dump_json()]
    for u in city.units.values():
        parts += [u.info.model_dump_json() if u.info else ""]
        parts += [x.model_dump_json() for x in (*u.objectives, *u.maps, *u.measures, *u.actions,
                                                *u.departments, *u.posts, *u.people)]
        parts += [s.model_dump_json() for s in u.scales.values()]
        parts += [r.model_dump_json() for r in u.results.values()]
        parts.append(json.dumps(u.files))
    return json.loads(json.dumps("\n".join(parts)))


def test_internal_view_is_the_city_itself(mini_city):
    ev = view(mini_city, "internal")
    assert ev.city is mini_city and ev.show_ranking


def test_unknown_edition_is_refused(mini_city):
    with pytest.raises(ValueError):
        view(mini_city, "draft")


def test_source_is_not_changed(mini_city, public):
    assert "secret-unit" in mini_city.units
    assert any(o.id == "PX" for o in mini_city.units["mini-town"].objectives)


def test_no_internal_text_survives(public):
    text = all_text(public)
    assert "机密" not in text
    assert "张卯辰" not in text and "个人指标巳午" not in text
    assert "未公开的结果说明申酉" not in text
    assert "secret-post" not in text and "secret-unit" not in text


def test_internal_unit_and_city_theme_are_gone(public):
    assert set(public.units) == {"mini-town", "mini-bureau"}
    assert [e.id for e in public.registry.units] == ["mini-town", "mini-bureau"]
    assert [t.id for t in public.info.themes] == ["C1", "C2"]


def test_objectives_measures_and_references(public):
    u = public.units["mini-town"]
    assert [o.id for o in u.objectives] == ["S1", "C1", "P1", "L1"]
    assert u.objective_index["L1"].drives == ["P1"]          # PX dropped from drives
    # measures of the internal objective PX and the internal measure M-SX-1 are gone
    assert [m.id for m in u.measures] == ["M-S1-1", "M-C1-1", "M-P1-1", "M-L1-1"]
    assert u.measure_index["M-L1-1"].owner is None            # owner was an internal post


def test_themes_maps_departments_posts_people(public):
    u = public.units["mini-town"]
    assert [t.id for t in u.themes] == ["T1", "T2"]
    assert [m.id for m in u.maps] == ["m-t1"]
    assert [d.id for d in u.departments] == ["office"]
    assert [o.id for o in u.departments[0].objectives] == ["D-O1"]
    assert [p.id for p in u.posts] == ["head"]
    assert u.people == ()
    assert not any(k.startswith("people/") for k in u.files)


def test_actions_without_public_objectives_are_dropped(public):
    u = public.units["mini-town"]
    assert [a.id for a in u.actions] == ["A1"]


def test_scales_and_results(public):
    u = public.units["mini-town"]
    scale = u.scales["2008"]
    assert [i.measure for i in scale.items] == ["M-S1-1", "M-C1-1", "M-P1-1"]
    assert [b.id for b in scale.bonus] == ["B1"]
    assert set(u.results) == {"2008"}                          # 2009 is unpublished
    r = u.results["2008"]
    assert "M-SX-1" not in r.actuals and r.bonus == {"B1": 1} and r.people == {}
    assert "results/2009" not in u.files


def test_scores_use_all_measures_but_only_published_results(mini_city):
    from generator.render.scores import Scores

    ev = view(mini_city, "public")
    latest = Scores(ev).latest("mini-town")
    assert latest.period.id == "2008"
    assert {i.measure_id for i in latest.score.items} == {"M-S1-1", "M-C1-1", "M-P1-1"}
    assert latest.hidden is not None and latest.hidden.count == 1
    assert [a.id for a in latest.score.adjustments] == ["B1"]
    internal = Scores(view(mini_city, "internal"))
    assert internal.latest("mini-town").period.id == "2009"    # unpublished: internal edition only
    assert internal.score("mini-town", "2008").total == pytest.approx(latest.score.total)


def test_the_public_city_shares_what_it_does_not_filter(mini_city):
    public = public_city(mini_city)
    shared = changed = 0
    for uid, unit in public.units.items():
        source = {o.id: o for o in mini_city.units[uid].objectives}
        for o in unit.objectives:
            same = o is source[o.id]
            shared, changed = shared + same, changed + (not same)
            if same:   # nothing hidden among what it names
                assert all(x in {p.id for p in unit.objectives} for x in o.drives)
    assert shared and changed   # the mini city has both kinds
