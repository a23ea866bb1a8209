"""Steps of SAP's logistics: shipping (partial) deliveries of an application's order, goods
issue, deleting deliveries, receiving returns, SAP's refusals, and the SAP documents the
CRM's applications and returns became.

Layer: ``fake_sap.testing`` (a pytest plugin with step definitions). SAP's delivery IDocs (DESADV)
reach the CRM before the next step runs (see
:func:`fake_sap.testing.bdd.fixtures.pytest_bdd_before_step`).
"""

from __future__ import annotations

from decimal import Decimal

from fake_sap.testing.bdd.driver import SapDriver, SapRefused
from sap_client.steps.library import given, register_choice, then, when
from sap_client.steps.world import World

#: the SAP document a CRM application becomes, by its document type (VBAK-AUART, EKKO-BSART)
register_choice("SapDocument", {"standard sales order": "TA", "consignment fill-up order": "KB",
                                "stock transport order": "UB"},
                "the SAP document type (VBAK-AUART, EKKO-BSART)")


# --- outbound deliveries ---------------------------------------------------------------------

@given('SAP has shipped {quantity:Number} "{material:Name}" of application "{application:Name}" '
       'in delivery "{delivery:Name}"',
       example='SAP has shipped 4 "Compressor" of application "A1" in delivery "D1"')
@when('SAP ships {quantity:Number} "{material:Name}" of application "{application:Name}" in '
      'delivery "{delivery:Name}"',
      example='SAP ships 4 "Compressor" of application "A1" in delivery "D1"')
def sap_ships(sap: SapDriver, world: World, quantity: Decimal, material: str,
              application: str, delivery: str) -> None:
    """An outbound delivery of part (or all) of the application's SAP order; goods not
    issued yet."""
    world.deliveries[delivery] = sap.create_delivery(world.sap_order_of(application),
                                                     {world.material(material): quantity})


@given('SAP has shipped {quantity:Number} "{material:Name}" of application "{application:Name}" '
       'in delivery "{delivery:Name}" with goods issue',
       example='SAP has shipped 4 "Compressor" of application "A1" in delivery "D1" with goods '
               'issue')
@when('SAP ships {quantity:Number} "{material:Name}" of application "{application:Name}" in '
      'delivery "{delivery:Name}" with goods issue',
      example='SAP ships 6 "Compressor" of application "A1" in delivery "D2" with goods issue')
def sap_ships_and_issues(sap: SapDriver, world: World, quantity: Decimal, material: str,
                         application: str, delivery: str) -> None:
    """An outbound delivery and its goods issue (the goods leave the central warehouse)."""
    sap_ships(sap, world, quantity, material, application, delivery)
    sap.post_goods_movement(world.delivery(delivery))


@when('SAP tries to ship {quantity:Number} "{material:Name}" of application '
      '"{application:Name}" in delivery "{delivery:Name}"',
      example='SAP tries to ship 7 "Compressor" of application "A1" in delivery "D2"')
def sap_tries_to_ship(sap: SapDriver, world: World, quantity: Decimal, material: str,
                      application: str, delivery: str) -> None:
    """Like shipping, but SAP may refuse (see "SAP refuses")."""
    world.attempt("SAP", lambda: sap_ships(sap, world, quantity, material, application,
                                           delivery), (SapRefused,))


@when('SAP posts the goods issue of delivery "{delivery:Name}"',
      example='SAP posts the goods issue of delivery "D1"')
def sap_issues_goods(sap: SapDriver, world: World, delivery: str) -> None:
    """The goods issue of a delivery made before."""
    sap.post_goods_movement(world.delivery(delivery))


@given('SAP has deleted delivery "{delivery:Name}"', example='SAP has deleted delivery "D1"')
@when('SAP deletes delivery "{delivery:Name}"', example='SAP deletes delivery "D1"')
def sap_deletes_delivery(sap: SapDriver, world: World, delivery: str) -> None:
    """The delivery is deleted in SAP; its quantities are open in the order again."""
    sap.delete_delivery(world.delivery(delivery))


@when('SAP tries to delete delivery "{delivery:Name}"',
      example='SAP tries to delete delivery "D1"')
def sap_tries_to_delete_delivery(sap: SapDriver, world: World, delivery: str) -> None:
    """Like deleting, but SAP may refuse (see "SAP refuses")."""
    world.attempt("SAP", lambda: sap_deletes_delivery(sap, world, delivery), (SapRefused,))


@then('SAP refuses: "{text:Name}"', example='SAP refuses: "goods movement has been posted"')
def sap_refuses(world: World, text: str) -> None:
    """The last action the scenario tried was refused by SAP; its message (class, number,
    text) contains this."""
    refusal = world.expect_refusal("SAP")
    assert text.lower() in refusal.message.lower(), refusal.message


@then('SAP keeps {quantity:Number} "{material:Name}" of application "{application:Name}" open '
      'for another delivery',
      example='SAP keeps 6 "Compressor" of application "A1" open for another delivery')
def sap_keeps_open(sap: SapDriver, world: World, quantity: Decimal, material: str,
                   application: str) -> None:
    """What SAP will still deliver of the order (0 once it closed the rest)."""
    assert sap.open_for_delivery(world.sap_order_of(application),
                                 world.material(material)) == quantity


# --- the SAP documents of applications -------------------------------------------------------

@then('SAP has a {document:SapDocument} for {quantity:Number} "{material:Name}" of '
      'application "{application:Name}"',
      example='SAP has a standard sales order for 10 "Compressor" of application "A1"')
def sap_has_document(sap: SapDriver, world: World, document: str, quantity: Decimal,
                     material: str, application: str) -> None:
    """The application's SAP document is of the type its kind asks for (standard sales
    order, consignment fill-up order, stock transport order), with this quantity; a sales
    document quotes the application's reference, and no other does."""
    found = sap.document(world.sap_order_of(application))
    assert found is not None, f"SAP has no document {world.sap_order_of(application)}"
    assert (found.type, found.items) == (document, [(world.material(material), quantity)]), \
        found
    if found.customer_reference:
        assert sap.sales_documents(found.customer_reference) == [found.number]


@then('SAP has no document for application "{application:Name}"',
      example='SAP has no document for application "A1"')
def sap_has_no_document(sap: SapDriver, world: World, application: str) -> None:
    """No sales document quotes the application's reference, and the CRM links none."""
    found = world.application(application)
    assert sap.sales_documents(found.reference) == []
    assert found.sap_number is None


# --- returns ---------------------------------------------------------------------------------

@then('SAP has a return order for {quantity:Number} "{material:Name}" of return "{name:Name}" '
      'referring to application "{application:Name}"',
      example='SAP has a return order for 3 "Compressor" of return "R1" referring to '
              'application "A1"')
def sap_has_return_order(sap: SapDriver, world: World, quantity: Decimal, material: str,
                         name: str, application: str) -> None:
    """The return's SAP return order (type RE) refers to the application's order and quotes
    the return's reference."""
    found = sap.document(world.sap_return_order_of(name))
    assert found is not None, f"SAP has no return order {world.sap_return_order_of(name)}"
    assert (found.type, found.reference, found.items) == (
        "RE", world.sap_order_of(application), [(world.material(material), quantity)]), found
    assert sap.sales_documents(world.return_(name).reference) == [found.number]


@given('SAP has received the goods of return "{name:Name}" counting {quantity:Number} '
       '"{material:Name}"',
       example='SAP has received the goods of return "R1" counting 3 "Compressor"')
@when('SAP receives the goods of return "{name:Name}" counting {quantity:Number} '
      '"{material:Name}"',
      example='SAP receives the goods of return "R1" counting 2 "Compressor"')
def sap_receives_return(sap: SapDriver, world: World, name: str, quantity: Decimal,
                        material: str) -> None:
    """A returns delivery of the return order and its goods receipt with the counted
    quantity."""
    delivery = sap.create_delivery(world.sap_return_order_of(name))
    world.returns_deliveries.setdefault(name, []).append(delivery)
    sap.post_goods_movement(delivery, {world.material(material): quantity})


@when('SAP receives the rest of return "{name:Name}" in another returns delivery counting '
      '{quantity:Number} "{material:Name}"',
      example='SAP receives the rest of return "R1" in another returns delivery counting 1 '
              '"Compressor"')
def sap_receives_rest_of_return(sap: SapDriver, world: World, name: str, quantity: Decimal,
                                material: str) -> None:
    """A second returns delivery for what the first receipt left open, and its receipt."""
    sap_receives_return(sap, world, name, quantity, material)


@when('SAP tries to post the goods receipt of return "{name:Name}" again',
      example='SAP tries to post the goods receipt of return "R1" again')
def sap_tries_second_receipt(sap: SapDriver, world: World, name: str) -> None:
    """A second goods receipt of the same returns delivery (SAP may refuse)."""
    delivery = world.returns_deliveries[name][-1]
    world.attempt("SAP", lambda: sap.post_goods_movement(delivery), (SapRefused,))
