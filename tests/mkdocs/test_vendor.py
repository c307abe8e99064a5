"""Patches to Material's JavaScript apply whole or not at all."""

import re

import pytest

from lawsite.mkdocs import anchorclose, search, tooltips, vendor


def test_a_patch_whose_second_substitution_is_gone_fails_rather_than_half_patching():
    substitutions = [(re.compile("a<b"), "a<=b"), (re.compile("c;"), "")]
    with pytest.raises(ValueError, match="c; matched 0 times"):
        vendor.patch_once("a<b;", re.compile("never"), substitutions, "test")


def test_a_substitution_matching_twice_fails():
    with pytest.raises(ValueError, match="matched 2 times"):
        vendor.patch_once("a<b;a<b;", re.compile("never"), [(re.compile("a<b"), "a<=b")], "test")


@pytest.mark.parametrize("patch", [search.patch_worker, tooltips.patch_bundle, anchorclose.patch_bundle])
def test_the_material_patches_are_idempotent_on_what_they_produce(patch):
    samples = {search.patch_worker: "for(let o=s+1;o<t.length;o++)t.slice(s,o)in e&&(n[s]=o-s);"
                                    "let a=o+n[o];n[a]&&a<t.length-1&&(i[s++]=a)",
               tooltips.patch_bundle: "let n=e.title,i=Cn(n);x=j(\".md-typeset\",o);return x.innerHTML=t,",
               anchorclose.patch_bundle: 'function Zr(e){return L(h(window,"hashchange"),e).pipe(m(vn))}'
                                         'L(Kt,Ht).pipe(nt(125)).subscribe(()=>{at("drawer",!1),at("search",!1)});'}
    once = patch(samples[patch])
    assert once != samples[patch] and patch(once) == once
