"""The control API loads the same deterministic master data as ``fake-sap seed``."""


def test_seeding_a_client_returns_the_keys_it_created(sap):
    loaded = sap.seed(materials=5, customers=21, initial_stock="7")

    assert len(loaded["materials"]) == 5
    assert all(len(matnr) == 18 for matnr in loaded["materials"])
    assert len(loaded["provincial_centers"]) == 1
    assert len(loaded["outlets"]) == 20


def test_seeding_is_deterministic_across_clients(sap, sap_server):
    other = sap_server.new_client()

    first = sap.seed(materials=3, customers=3)
    second = other.seed(materials=3, customers=3)

    assert {k: v for k, v in first.items() if k != "seconds"} == \
        {k: v for k, v in second.items() if k != "seconds"}


def test_seeding_refuses_a_negative_count(sap):
    with sap.http() as http:
        response = http.post(f"/_fake/clients/{sap.number}/seed", json={"materials": -1})

    assert response.status_code == 400
